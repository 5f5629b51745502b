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
 * New papers and new versions of papers in the configured categories and terms ({@code papers}). arXiv
 * lists them most recently updated first ({@code sortBy=lastUpdatedDate}; an entry's {@code updated}
 * is the time of its latest version, {@code published} that of v1) and pages by offset, so a walk reads
 * slices until it meets a paper updated no later than the last walk's newest (the watermark), runs out,
 * or has read {@code max-papers}. The watermark moves only when a walk ends, so a crash mid-walk resumes
 * at the next slice. A cursor written when the watermark was a submission time reads on unchanged: a
 * submission time is never later than the same paper's update time, so at most a few papers are read again.
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
            String changed = lastChanged(entry);
            Instant at = ArxivTime.parse(changed);
            if (since != null && at != null && !at.isAfter(since)) {
                reachedWatermark = true;
                break;
            }
            records.add(new SourceRecord(NAME, entry));
            if (at != null && (ArxivTime.parse(newest) == null || at.isAfter(ArxivTime.parse(newest)))) newest = changed;
        }
        int next = c.start() + feed.entries().size();
        boolean end = reachedWatermark || feed.entries().size() < size || next >= settings.maxPapers()
                || (feed.totalResults() >= 0 && next >= feed.totalResults());
        if (end) return new Page(records, new PapersCursor(newest != null ? newest : c.since(), null, null).json(), true);
        return new Page(records, new PapersCursor(c.since(), newest, next).json(), false);
    }

    /** When the entry's latest version appeared: {@code updated}, else (a feed without it) {@code published}. */
    private static String lastChanged(ObjectNode entry) {
        String updated = entry.path("updated").asText(null);
        return updated != null && !updated.isBlank() ? updated : entry.path("published").asText(null);
    }
}
