package dev.nightjar.jobs;

import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.Unreadable;
import dev.nightjar.store.RunStore;
import dev.nightjar.model.Normalized;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Normalizes a page record by record. This is the step's skip policy: a record the normalizer cannot
 * handle is skipped, counted and reported (with why) instead of failing the page; the rest of the page
 * is kept. Objects the connector could not read on this page join the same report.
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
        List<RunStore.Skip> skips = new ArrayList<>();
        for (Unreadable u : page.unreadable()) {
            skips.add(new RunStore.Skip(RunStore.Skip.UNREADABLE, page.stream(), u.object(), u.reason()));
        }
        for (SourceRecord record : page.records()) {
            try {
                all = all.plus(normalizer.normalize(record));
            } catch (MalformedRecordException | IllegalArgumentException | NullPointerException | ClassCastException e) {
                log.debug("{} {}: skipped a record", page.source(), page.stream(), e);
                skips.add(new RunStore.Skip(RunStore.Skip.MALFORMED, page.stream(), "record", String.valueOf(e.getMessage())));
            }
        }
        return new NormalizedPage(page, all, skips);
    }
}
