package dev.nightjar.skills;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and metric targets stated in text, with small, tested patterns: ISO dates, "December 15, 2026",
 * "15 Dec 2026", "Jan 12" (year taken from the document's date), "NDCG@10 ≥ 0.42", "NDCG@10 target 0.42",
 * "target NDCG@10 of 0.42". A date counts only in a sentence that says what it is for (launch, target,
 * deadline, ...): an arbitrary date in a meeting note is not a plan.
 */
public final class Mentions {

    /** A planned date and what it is for: {@code launch}, {@code deadline} or {@code target}. */
    public record DateMention(String what, LocalDate date, String sentence) {
    }

    /** A metric goal: {@code metric} as written, {@code key} normalized for matching W&B metric names. */
    public record MetricTarget(String metric, String key, String comparator, double value, String sentence) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern LAUNCH = Pattern.compile("(?i)\\b(launch\\w*|ship\\w*|release\\w*|GA|go[- ]live|cutover|rollout)\\b");
    private static final Pattern DEADLINE = Pattern.compile("(?i)\\b(deadline|due|by)\\b");
    private static final Pattern TARGET = Pattern.compile("(?i)\\b(target\\w*|planned|plan|eta|date)\\b");

    private static final String NAME = "([A-Za-z][A-Za-z0-9@._/-]*[A-Za-z0-9])";
    private static final String NUM = "(\\d+(?:\\.\\d+)?)(?![\\d/-]|\\.\\d)";
    private static final Pattern CMP_TARGET = Pattern.compile("(?i)" + NAME + "\\s*(≥|>=|≤|<=|>|<|of at least|at least|at most)\\s*" + NUM);
    private static final Pattern NAME_TARGET = Pattern.compile("(?i)" + NAME + "\\s+target(?:\\s+of|\\s+is|:)?\\s*(≥|>=)?\\s*" + NUM);
    private static final Pattern TARGET_NAME = Pattern.compile("(?i)\\btarget(?:ed)?\\s+" + NAME + "\\s*(?:of|:|=|is|≥|>=)\\s*" + NUM);
    private static final Set<String> NOT_METRICS = Set.of("the", "a", "an", "is", "be", "of", "at", "to", "and", "or", "with",
            "target", "targets", "metric", "success", "goal", "score", "value", "than", "least", "most", "by", "for", "on", "our",
            "launch", "date", "deadline", "release", "ship", "due", "eta");

    private Mentions() {
    }

    /** Sentences (and list lines) of {@code text}. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\\R")) {
            for (String s : line.split("(?<=[.!?])\\s+(?=[A-Z\"'(\\[*-])")) {
                String t = s.strip();
                if (!t.isEmpty()) out.add(t);
            }
        }
        return out;
    }

    /** Planned dates in {@code text}; {@code reference} supplies the year of "Jan 12" (the next such date on or after it). */
    public static List<DateMention> dates(String text, LocalDate reference) {
        List<DateMention> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            String what = purpose(sentence);
            if (what == null) continue;
            for (LocalDate d : datesIn(sentence, reference)) {
                if (out.stream().noneMatch(m -> m.date().equals(d) && m.what().equals(what))) out.add(new DateMention(what, d, sentence));
            }
        }
        return out;
    }

    static String purpose(String sentence) {
        if (LAUNCH.matcher(sentence).find()) return "launch";
        if (DEADLINE.matcher(sentence).find()) return "deadline";
        if (TARGET.matcher(sentence).find()) return "target";
        return null;
    }

    static List<LocalDate> datesIn(String sentence, LocalDate reference) {
        List<LocalDate> out = new ArrayList<>();
        Matcher iso = ISO.matcher(sentence);
        while (iso.find()) add(out, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        Matcher md = MONTH_DAY.matcher(sentence);
        while (md.find()) add(out, year(md.group(3), month(md.group(1)), Integer.parseInt(md.group(2)), reference), month(md.group(1)),
                Integer.parseInt(md.group(2)));
        Matcher dm = DAY_MONTH.matcher(sentence);
        while (dm.find()) add(out, year(dm.group(3), month(dm.group(2)), Integer.parseInt(dm.group(1)), reference), month(dm.group(2)),
                Integer.parseInt(dm.group(1)));
        return out;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(n.length() > 4 ? n.substring(0, 3) : n, MONTHS.getOrDefault(n.substring(0, Math.min(3, n.length())), 0));
    }

    private static int year(String given, int month, int day, LocalDate reference) {
        if (given != null) return Integer.parseInt(given);
        if (reference == null || month == 0) return 0;
        try {
            LocalDate candidate = LocalDate.of(reference.getYear(), month, day);
            return candidate.isBefore(reference) ? reference.getYear() + 1 : reference.getYear();
        } catch (DateTimeException e) {
            return 0;
        }
    }

    private static void add(List<LocalDate> out, int y, int m, int d) {
        if (y < 1900 || y > 2200) return;
        try {
            LocalDate date = LocalDate.of(y, m, d);
            if (!out.contains(date)) out.add(date);
        } catch (DateTimeException e) {
            // not a date (e.g. 2026-13-45)
        }
    }

    /** Metric goals in {@code text}. */
    public static List<MetricTarget> metricTargets(String text) {
        List<MetricTarget> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            collect(out, CMP_TARGET.matcher(sentence), sentence, true);
            collect(out, NAME_TARGET.matcher(sentence), sentence, false);
            collect(out, TARGET_NAME.matcher(sentence), sentence, false);
        }
        return out;
    }

    private static void collect(List<MetricTarget> out, Matcher m, String sentence, boolean comparatorGroup) {
        while (m.find()) {
            String name = m.group(1);
            if (NOT_METRICS.contains(name.toLowerCase(Locale.ROOT)) || !name.matches(".*[A-Za-z].*")) continue;
            String cmp = comparatorGroup ? comparator(m.group(2)) : "≥";
            double value = Double.parseDouble(m.group(m.groupCount()));
            String key = metricKey(name);
            if (out.stream().noneMatch(t -> t.key().equals(key))) out.add(new MetricTarget(name, key, cmp, value, sentence));
        }
    }

    private static String comparator(String raw) {
        String r = raw.toLowerCase(Locale.ROOT);
        if (r.contains("least") || r.equals(">=") || r.equals("≥")) return "≥";
        if (r.contains("most") || r.equals("<=") || r.equals("≤")) return "≤";
        return r;
    }

    /** {@code NDCG@10} and W&B's {@code eval/ndcg@10} both become {@code ndcg10}. */
    public static String metricKey(String name) {
        String last = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        return last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** True when {@code value} meets the target. */
    public static boolean meets(MetricTarget t, double value) {
        return switch (t.comparator()) {
            case "≤" -> value <= t.value();
            case "<" -> value < t.value();
            case ">" -> value > t.value();
            default -> value >= t.value();
        };
    }
}
