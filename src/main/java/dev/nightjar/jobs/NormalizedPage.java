package dev.nightjar.jobs;

import dev.nightjar.model.Normalized;
import dev.nightjar.store.RunStore;
import java.util.List;

/**
 * A page after normalization, with what was not stored: records that could not be normalized and
 * objects the source would not give us (each counted and reported with why).
 */
record NormalizedPage(PageItem page, Normalized normalized, List<RunStore.Skip> skips) {
}
