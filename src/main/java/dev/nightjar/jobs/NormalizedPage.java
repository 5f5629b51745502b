package dev.nightjar.jobs;

import dev.nightjar.model.Normalized;
import java.util.List;

/** A page after normalization, with the records that could not be normalized (skipped and reported). */
record NormalizedPage(PageItem page, Normalized normalized, List<String> skipped) {
}
