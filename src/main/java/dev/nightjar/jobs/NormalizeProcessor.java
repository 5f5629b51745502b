package dev.nightjar.jobs;

import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Normalized;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Normalizes a page record by record. This is the step's skip policy: a record the normalizer cannot
 * handle is skipped, counted and reported (with why) instead of failing the page; the rest of the page
 * is kept.
 */
final class NormalizeProcessor implements ItemProcessor<PageItem, NormalizedPage> {

    private static final Logger log = LoggerFactory.getLogger(NormalizeProcessor.class);

    private final Normalizer normalizer;

    NormalizeProcessor(Normalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public NormalizedPage process(PageItem page) {
        Normalized all = Normalized.empty();
        List<String> skipped = new ArrayList<>();
        for (SourceRecord record : page.records()) {
            try {
                all = all.plus(normalizer.normalize(record));
            } catch (MalformedRecordException | IllegalArgumentException | NullPointerException | ClassCastException e) {
                String why = page.source() + " " + page.stream() + ": skipped a record: " + e.getMessage();
                log.warn(why);
                skipped.add(why);
            }
        }
        return new NormalizedPage(page, all, skipped);
    }
}
