package dev.nightjar.skills.brief;

import dev.nightjar.model.Document;
import java.util.Map;

/**
 * Which W&B runs may be compared: runs of the same entity/project, group, job type and model
 * ({@code config.model}). A sweep of the fallback LightGBM model is not "the previous run" of the
 * distilled cross-encoder; a delta between them says nothing, so the brief shows none.
 */
record RunFamily(String entity, String project, String group, String jobType, String model) {

    static RunFamily of(Document run) {
        Map<String, String> p = run.properties();
        return new RunFamily(p.getOrDefault("entity", ""), p.getOrDefault("project", ""), p.getOrDefault("group", ""),
                p.getOrDefault("job_type", ""), p.getOrDefault("config.model", ""));
    }

    /** W&B's own bookkeeping in a summary ({@code _runtime}, {@code _step}, {@code _timestamp}, {@code _wandb.…}) is not a metric. */
    static boolean isSystemKey(String metric) {
        return metric.startsWith("_") || metric.contains("/_") || metric.contains("._");
    }
}
