package dev.nightjar.truth;

import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Sections;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a canonical document states about its plan: its planned dates and owners. A page property
 * ({@code Owner}, {@code Launch date}) states a fact and beats anything in the body; in the body, only
 * lines outside a section count (a section's heading scopes its lines).
 */
public final class CanonicalFacts {

    private static final Pattern DATE_PROPERTY = Pattern.compile("(?i).*\\b(launch|release|ship|go[- ]live|due|deadline|target date|rollout)\\b.*");
    private static final Pattern OWNER_PROPERTY = Pattern.compile("(?i)owners?|dri|accountable");

    private CanonicalFacts() {
    }

    /** The planned dates a document states: its date properties, then body dates of the kinds no property gives. */
    public static List<Mentions.DateMention> dates(StoredDocument d) {
        List<Mentions.DateMention> out = new ArrayList<>();
        for (Map.Entry<String, String> p : d.document().properties().entrySet()) {
            if (!DATE_PROPERTY.matcher(p.getKey().replace('_', ' ')).matches() || p.getValue() == null) continue;
            String what = Optional.ofNullable(purposeOf(p.getKey())).orElse("target");
            Mentions.datesIn(p.getValue(), null).stream().findFirst()
                    .ifPresent(date -> out.add(new Mentions.DateMention(what, date, p.getKey() + ": " + p.getValue())));
        }
        for (Mentions.DateMention m : Mentions.dates(Sections.unscoped(d.document().body()), day(updated(d)))) {
            if (out.stream().noneMatch(o -> o.what().equals(m.what()))) out.add(m);
        }
        return out;
    }

    private static String purposeOf(String propertyName) {
        String p = propertyName.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (p.contains("launch") || p.contains("release") || p.contains("ship") || p.contains("live") || p.contains("rollout")) return "launch";
        if (p.contains("due") || p.contains("deadline")) return "deadline";
        return "target";
    }

    /** The document's owners: an owner property, else "Owner: …" in the body's unscoped lines. */
    public static List<String> owners(StoredDocument d) {
        for (Map.Entry<String, String> p : d.document().properties().entrySet()) {
            if (OWNER_PROPERTY.matcher(p.getKey()).matches() && p.getValue() != null && !p.getValue().isBlank()) {
                return List.of(p.getValue().split(",\\s*"));
            }
        }
        return Mentions.owners(Sections.unscoped(d.document().body()));
    }

    /** When the document last changed at its source, else when the store first saw it. */
    public static Instant updated(StoredDocument d) {
        return d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt();
    }

    /** The UTC day of an instant, or null. */
    public static LocalDate day(Instant i) {
        return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
    }
}
