package dev.nightjar.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code index/truth.yml}: an ordered list of rules (first match wins) and a default level per source.
 * See the bundled file for the documented format.
 */
public record TruthRules(@JsonProperty("review-every") String reviewEvery, Map<String, String> defaults, List<Rule> rules) {

    public TruthRules {
        reviewEvery = reviewEvery == null ? "90d" : reviewEvery;
        defaults = defaults == null ? Map.of() : defaults;
        rules = rules == null ? List.of() : rules;
    }

    /**
     * One rule. Every condition given must hold: {@code source}, {@code kind}, each of
     * {@code properties} (case-insensitive equality), {@code title-matches} (a regex), and
     * {@code labels} (any of them).
     */
    public record Rule(String name, String source, String kind, Map<String, String> properties,
                       @JsonProperty("title-matches") String titleMatches, List<String> labels, String level,
                       @JsonProperty("review-every") String reviewEvery) {
        public Rule {
            properties = properties == null ? Map.of() : properties;
            labels = labels == null ? List.of() : labels;
        }
    }
}
