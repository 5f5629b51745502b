package dev.nightjar.connectors.arxiv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * New papers in the configured categories and terms ({@code papers}). arXiv lists them newest
 * submission first and pages by offset, so a walk reads slices until it meets a paper submitted no
 * later than the last walk's newest (the watermark), runs out, or has read {@code max-papers}.
 * The watermark moves only when a walk ends, so a crash mid-walk resumes at the next slice.
 */
final class PapersStream implements SourceStream {

    static final String NAME = "papers";

    private final ArxivClient client;
    private final ArxivSettings settings;

    PapersStream(ArxivClient client, ArxivSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Page read(String cursor) {
        try {
            return walk(PapersCursor.parse(cursor));
        } catch (ConnectorException e) {
            throw e.at(name(), cursor);
        }
    }

    private Page walk(PapersCursor c) {
        Instant since = ArxivTime.parse(c.since());
        int size = Math.min(settings.pageSize(), settings.maxPapers() - c.start());
        AtomFeed feed = client.page(settings.searchQuery(), c.start(), size);
        List<SourceRecord> records = new ArrayList<>();
        String newest = c.newest();
        boolean reachedWatermark = false;
        for (ObjectNode entry : feed.entries()) {
            Instant published = ArxivTime.parse(entry.path("published").asText(null));
            if (since != null && published != null && !published.isAfter(since)) {
                reachedWatermark = true;
                break;
            }
            records.add(new SourceRecord(NAME, entry));
            if (published != null && (ArxivTime.parse(newest) == null || published.isAfter(ArxivTime.parse(newest)))) newest = entry.path("published").asText();
        }
        int next = c.start() + feed.entries().size();
        boolean end = reachedWatermark || feed.entries().size() < size || next >= settings.maxPapers()
                || (feed.totalResults() >= 0 && next >= feed.totalResults());
        if (end) return new Page(records, new PapersCursor(newest != null ? newest : c.since(), null, null).json(), true);
        return new Page(records, new PapersCursor(c.since(), newest, next).json(), false);
    }
}
