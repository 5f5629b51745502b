package dev.nightjar.skills.brief;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.Document;
import java.util.Map;

/**
 * Which W&B runs may be compared: runs of the same entity/project, group, job type, model
 * ({@code config.model}) and naming series. A sweep of the fallback LightGBM model is not "the previous run" of the
 * distilled cross-encoder; a delta between them says nothing, so the brief shows none.
 */
record RunFamily(String entity, String project, String group, String jobType, String model, String naming) {

    static RunFamily of(Document run) {
        Map<String, String> p = run.properties();
        return new RunFamily(p.getOrDefault(PropertyKey.ENTITY.key(), ""), p.getOrDefault(PropertyKey.PROJECT.key(), ""), p.getOrDefault("group", ""),
                p.getOrDefault("job_type", ""), p.getOrDefault("config.model", ""), naming(run.title()));
    }

    /**
     * The run's name with its numbers masked: "sweep-57-lr" and "sweep-58-lr" are one series,
     * "rnk-130-train" another (a learning-rate sweep is not the previous full training run).
     */
    static String naming(String name) {
        return name == null ? "" : name.replaceAll("\\d+", "#");
    }

    /** W&B's own bookkeeping in a summary ({@code _runtime}, {@code _step}, {@code _timestamp}, {@code _wandb.…}) is not a metric. */
    static boolean isSystemKey(String metric) {
        return metric.startsWith("_") || metric.contains("/_") || metric.contains("._");
    }
}
