package dev.nightjar.truth;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Durations;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.CanonicalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides a document's truth level: an admin mark makes it canonical; otherwise the first matching
 * rule of {@code index/truth.yml}; otherwise the default for its source. A canonical document past its
 * review-by date is stale (still canonical, but labelled so).
 */
public final class TruthPolicy {

    public static final String FILE = "index/truth.yml";

    private record CompiledRule(TruthRules.Rule rule, TruthLevel level, Pattern title, Duration reviewEvery) {
    }

    private final List<CompiledRule> rules;
    private final Map<String, TruthLevel> defaults;
    private final Duration reviewEvery;

    public TruthPolicy(TruthRules config) {
        String where = FILE;
        this.reviewEvery = Durations.parse(config.reviewEvery(), where + " review-every");
        this.defaults = new java.util.HashMap<>();
        config.defaults().forEach((source, level) -> defaults.put(source, level(level, where + " defaults." + source)));
        // papers are outside material even when an older truth.yml predates the arxiv source
        defaults.putIfAbsent("arxiv", TruthLevel.REFERENCE);
        this.rules = new ArrayList<>();
        for (TruthRules.Rule r : config.rules()) {
            String name = where + " rule '" + (r.name() == null ? "#" + (rules.size() + 1) : r.name()) + "'";
            if (r.level() == null) throw new ConfigException(name + ": level is required");
            Pattern title;
            try {
                title = r.titleMatches() == null ? null : Pattern.compile(r.titleMatches());
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name + ": title-matches is not a valid regex: " + e.getDescription());
            }
            Duration review = r.reviewEvery() == null ? reviewEvery : Durations.parse(r.reviewEvery(), name + " review-every");
            rules.add(new CompiledRule(r, level(r.level(), name), title, review));
        }
    }

    public static TruthPolicy load(ConfigDir config) {
        return new TruthPolicy(config.readYaml(FILE, TruthRules.class)
                .orElseThrow(() -> new ConfigException(FILE + " is missing")));
    }

    public Duration defaultReviewPeriod() {
        return reviewEvery;
    }

    /** The level of {@code d} given its admin mark (if any), as of {@code now}. */
    public TruthAssessment assess(Document d, Optional<CanonicalStore.Mark> mark, Instant now) {
        if (mark.isPresent()) {
            CanonicalStore.Mark m = mark.get();
            return new TruthAssessment(TruthLevel.CANONICAL, "marked canonical by " + m.markedBy()
                    + (m.reason() == null ? "" : ": " + m.reason()), m.reviewBy(), now.isAfter(m.reviewBy()));
        }
        for (CompiledRule r : rules) {
            if (matches(r, d)) {
                String why = "rule " + (r.rule().name() == null ? "(unnamed)" : r.rule().name());
                if (r.level() != TruthLevel.CANONICAL) return TruthAssessment.of(r.level(), why);
                Instant since = d.updatedAt() != null ? d.updatedAt() : now;
                Instant reviewBy = since.plus(r.reviewEvery());
                return new TruthAssessment(TruthLevel.CANONICAL, why, reviewBy, now.isAfter(reviewBy));
            }
        }
        TruthLevel level = defaults.getOrDefault(d.id().source(), TruthLevel.WORKING);
        return TruthAssessment.of(level, "default for " + d.id().source());
    }

    private static boolean matches(CompiledRule c, Document d) {
        TruthRules.Rule r = c.rule();
        if (r.source() != null && !r.source().equalsIgnoreCase(d.id().source())) return false;
        if (r.kind() != null && !r.kind().equalsIgnoreCase(d.id().kind())) return false;
        for (Map.Entry<String, String> p : r.properties().entrySet()) {
            String actual = propertyIgnoringCase(d.properties(), p.getKey());
            if (actual == null || !actual.trim().equalsIgnoreCase(String.valueOf(p.getValue()).trim())) return false;
        }
        if (c.title() != null && !c.title().matcher(d.title()).find()) return false;
        if (!r.labels().isEmpty() && r.labels().stream().noneMatch(l -> d.labels().stream().anyMatch(l::equalsIgnoreCase))) return false;
        return true;
    }

    private static String propertyIgnoringCase(Map<String, String> properties, String key) {
        String exact = properties.get(key);
        if (exact != null) return exact;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    private static TruthLevel level(String label, String where) {
        try {
            return TruthLevel.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    /** Lower-case helper for subjects. */
    static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
