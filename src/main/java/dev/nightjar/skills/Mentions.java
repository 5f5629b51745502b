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

    /**
     * A metric goal: {@code metric} as written, {@code key} normalized for matching W&B metric names
     * ({@link #metricKey}), the comparator, the value and its unit as written ({@code "ms"}, {@code "%"}, or empty).
     */
    public record MetricTarget(String metric, String key, String comparator, double value, String unit, String sentence) {
        /** "p95 latency ≤ 25 ms": the unit is part of the value and is never dropped. */
        public String describe() {
            return metric + " " + comparator + " " + valueWithUnit();
        }

        public String valueWithUnit() {
            return Numbers.format(value) + (unit.isEmpty() ? "" : unit.equals("%") ? "%" : " " + unit);
        }
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

    private static final String WORD = "[A-Za-z][A-Za-z0-9@._/-]*[A-Za-z0-9]";
    /** A metric's name: up to three words ("p99 response time"); leading filler words are dropped afterwards. */
    private static final String NAME = "((?:" + WORD + "\\s+){0,2}" + WORD + ")";
    private static final String NUM = "(\\d+(?:\\.\\d+)?)(?![\\d/-]|\\.\\d)";
    /** The unit written after a value: kept with it ("≤ 25 ms", not "≤ 25"). */
    private static final String UNIT = "(?:\\s*(ms|milliseconds|s|seconds|sec|%|x|qps|rps|gb|mb|tb|min|minutes|h|hours|days)\\b)?";
    private static final Pattern CMP_TARGET = Pattern.compile("(?i)" + NAME
            + "\\s*(≥|>=|≤|<=|>|<|of at least|at least|at most|no more than|under|below|less than|over|above|more than)\\s*" + NUM + UNIT);
    private static final Pattern NAME_TARGET = Pattern.compile("(?i)" + NAME + "\\s+target(?:\\s+of|\\s+is|:)?\\s*(≥|>=)?\\s*" + NUM + UNIT);
    private static final Pattern TARGET_NAME = Pattern.compile("(?i)\\btarget(?:ed)?\\s+" + NAME + "\\s*(?:of|:|=|is|≥|>=)\\s*" + NUM + UNIT);
    /** Unit words in metric names ({@code p95_latency_ms}) and the abbreviations W&B keys use. */
    private static final Set<String> NAME_UNITS = Set.of("ms", "s", "sec", "secs", "seconds", "pct", "percent", "millis");
    private static final Map<String, String> ABBREVIATIONS = Map.of("resp", "response", "lat", "latency", "acc", "accuracy",
            "rt", "response time", "tput", "throughput");
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

    /** Every date written in {@code sentence} (ISO, "December 15, 2026", "15 Dec", "Jan 12"). */
    public static List<LocalDate> datesIn(String sentence, LocalDate reference) {
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

    /** A vague date ("early February", "end of Q1", "next sprint") resolved to the range it can mean. */
    public record FuzzyDate(String what, LocalDate from, LocalDate to, String phrase, String sentence) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /** A relative move of a planned date ("slip two weeks", "two weeks later"), in days (positive = later). */
    public record Shift(String what, int days, String phrase, String sentence) {
    }

    private static final String PART = "(early|mid|middle of|late|end of|the end of|start of|beginning of)";
    private static final Pattern PART_MONTH = Pattern.compile("(?i)\\b(?:" + PART + "[- ]\\s*)?" + MONTH + "(?!\\s*\\d)(?:\\s+(\\d{4}))?");
    private static final Pattern PART_QUARTER = Pattern.compile("(?i)\\b(?:" + PART + "[- ]\\s*)?q([1-4])(?:\\s+(\\d{4}))?\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(mid-?month|end of (?:the )?month|next sprint|next week|next month|end of (?:the )?year|year[- ]end)\\b");
    private static final Pattern SHIFT = Pattern.compile("(?i)\\b(?:(?:slip|push|delay|move|bump)\\w*\\s+(?:it\\s+|that\\s+|the \\w+\\s+)?(?:back\\s+|out\\s+)?(?:by\\s+)?"
            + "(a|one|two|three|four|five|six|\\d+)\\s+(day|week|month)s?|(a|one|two|three|four|five|six|\\d+)\\s+(day|week|month)s?\\s+later)\\b");
    private static final Map<String, Integer> SMALL = Map.of("a", 1, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6);
    /** Sprints are taken to be two weeks long (the common default; Linear cycles default to two weeks too). */
    private static final int SPRINT_DAYS = 14;

    /**
     * Vague dates in sentences that say what they are for, resolved against {@code reference} (the
     * document's date): "early/mid/late February" = days 1-10 / 11-20 / 21-end of the next February;
     * "end of Q1" = the second half of March; "Q1" = January to March; "mid-month" = days 11-20 of the
     * reference month; "next sprint" = the two weeks after the current two; "next week", "next month",
     * "end of year" as they say.
     */
    public static List<FuzzyDate> fuzzyDates(String text, LocalDate reference) {
        List<FuzzyDate> out = new ArrayList<>();
        if (reference == null) return out;
        for (String sentence : sentences(text)) {
            String what = purpose(sentence);
            if (what == null || !datesIn(sentence, reference).isEmpty()) continue;
            Matcher m = PART_MONTH.matcher(sentence);
            while (m.find()) {
                int month = month(m.group(2));
                if (month == 0 || m.group(2).equalsIgnoreCase("may") && m.group(1) == null) continue; // "may" is a verb
                int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : year(null, month, 1, reference.withDayOfMonth(1));
                LocalDate first = LocalDate.of(year, month, 1);
                out.add(part(what, first, first.plusMonths(1).minusDays(1), m.group(1), m.group().strip().replaceFirst("\\.$", ""), sentence));
            }
            Matcher q = PART_QUARTER.matcher(sentence);
            while (q.find()) {
                int quarter = Integer.parseInt(q.group(2));
                LocalDate first = LocalDate.of(q.group(3) != null ? Integer.parseInt(q.group(3)) : reference.getYear(), quarter * 3 - 2, 1);
                if (q.group(3) == null && first.plusMonths(3).isBefore(reference)) first = first.plusYears(1);
                out.add(part(what, first, first.plusMonths(3).minusDays(1), q.group(1), q.group().strip(), sentence));
            }
            Matcher r = RELATIVE.matcher(sentence);
            while (r.find()) {
                String p = r.group(1).toLowerCase(Locale.ROOT);
                LocalDate from, to;
                if (p.startsWith("mid")) {
                    LocalDate month = reference.getDayOfMonth() > 20 ? reference.plusMonths(1).withDayOfMonth(1) : reference.withDayOfMonth(1);
                    from = month.withDayOfMonth(11);
                    to = month.withDayOfMonth(20);
                } else if (p.contains("month") && p.startsWith("end")) {
                    from = reference.withDayOfMonth(Math.min(21, reference.lengthOfMonth()));
                    to = reference.withDayOfMonth(reference.lengthOfMonth());
                } else if (p.equals("next sprint")) {
                    from = reference.plusDays(SPRINT_DAYS);
                    to = reference.plusDays(2L * SPRINT_DAYS - 1);
                } else if (p.equals("next week")) {
                    from = reference.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
                    to = from.plusDays(6);
                } else if (p.equals("next month")) {
                    from = reference.plusMonths(1).withDayOfMonth(1);
                    to = from.plusMonths(1).minusDays(1);
                } else {
                    from = LocalDate.of(reference.getYear(), 12, 15);
                    to = LocalDate.of(reference.getYear(), 12, 31);
                }
                out.add(new FuzzyDate(what, from, to, r.group().strip(), sentence));
            }
        }
        return out;
    }

    private static FuzzyDate part(String what, LocalDate first, LocalDate last, String part, String phrase, String sentence) {
        if (part == null) return new FuzzyDate(what, first, last, phrase, sentence);
        String p = part.toLowerCase(Locale.ROOT);
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
        if (p.equals("early") || p.startsWith("start") || p.startsWith("beginning")) return new FuzzyDate(what, first, first.plusDays(days / 3 - 1), phrase, sentence);
        if (p.startsWith("mid")) return new FuzzyDate(what, first.plusDays(days / 3), first.plusDays(2 * days / 3 - 1), phrase, sentence);
        if (p.contains("end")) return new FuzzyDate(what, first.plusDays(days / 2), last, phrase, sentence);
        return new FuzzyDate(what, first.plusDays(2 * days / 3), last, phrase, sentence); // late
    }

    /** "slip two weeks", "push it by a month", "two weeks later": the move in days, in sentences about a planned date. */
    public static List<Shift> shifts(String text) {
        List<Shift> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            for (String clause : sentence.split("[;,]|\\bbut\\b")) {
                // the move must be said of a planned date: "backfill is slipping a week; launch still planned" moves no launch
                String what = purpose(clause);
                if (what == null || !datesIn(clause, null).isEmpty()) continue;
                shifts(out, clause, what, sentence);
            }
        }
        return out;
    }

    private static void shifts(List<Shift> out, String clause, String what, String sentence) {
        Matcher m = SHIFT.matcher(clause);
        while (m.find()) {
                String n = m.group(1) != null ? m.group(1) : m.group(3);
                String unit = (m.group(2) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
                int count = SMALL.getOrDefault(n.toLowerCase(Locale.ROOT), n.matches("\\d+") ? Integer.parseInt(n) : 0);
                int days = count * (unit.startsWith("week") ? 7 : unit.startsWith("month") ? 30 : 1);
            if (days > 0) out.add(new Shift(what, days, m.group().strip(), sentence));
        }
    }

    private static final Pattern OWNER = Pattern.compile("(?i)\\b(?:owner|owned by|dri)\\s*(?:is|:|=)?\\s*((?-i)[A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)?)");

    /** Owners named in {@code text} ("Owner: Dana Kim", "owned by Lee Park", "DRI: Sam"). */
    public static List<String> owners(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = OWNER.matcher(text);
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    /** Metric goals in {@code text}. */
    public static List<MetricTarget> metricTargets(String text) {
        List<MetricTarget> out = new ArrayList<>();
        for (String sentence : sentences(text)) {
            // Every pattern needs a number and the last two the word "target": the patterns start with an
            // unanchored name that is tried at every letter, so a sentence without them is skipped first
            // (these scans were a twentieth of a cold `ask`, in JFR samples). Same matches either way.
            if (!hasDigit(sentence)) continue;
            collect(out, CMP_TARGET.matcher(sentence), sentence, true);
            if (!containsIgnoreCase(sentence, "target")) continue;
            collect(out, NAME_TARGET.matcher(sentence), sentence, false);
            collect(out, TARGET_NAME.matcher(sentence), sentence, false);
        }
        return out;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    private static boolean containsIgnoreCase(String s, String word) {
        return s.toLowerCase(java.util.Locale.ROOT).contains(word);
    }

    private static void collect(List<MetricTarget> out, Matcher m, String sentence, boolean comparatorGroup) {
        while (m.find()) {
            String name = trimFiller(m.group(1));
            if (name.isEmpty() || !name.matches(".*[A-Za-z].*")) continue;
            String cmp = comparatorGroup ? comparator(m.group(2)) : "≥";
            int valueGroup = m.groupCount() - 1;
            double value = Double.parseDouble(m.group(valueGroup));
            String unit = unit(m.group(m.groupCount()));
            String key = metricKey(name);
            if (out.stream().noneMatch(t -> t.key().equals(key))) out.add(new MetricTarget(name, key, cmp, value, unit, sentence));
        }
    }

    /** "with p95 latency" → "p95 latency"; a name made only of filler words is no metric. */
    private static String trimFiller(String name) {
        List<String> words = new ArrayList<>(List.of(name.strip().split("\\s+")));
        while (!words.isEmpty() && NOT_METRICS.contains(words.get(0).toLowerCase(Locale.ROOT))) words.remove(0);
        while (!words.isEmpty() && NOT_METRICS.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) words.remove(words.size() - 1);
        if (words.stream().anyMatch(w -> NOT_METRICS.contains(w.toLowerCase(Locale.ROOT)))) {
            // "launch date target" and the like: keep only the words after the last filler word
            int last = 0;
            for (int i = 0; i < words.size(); i++) if (NOT_METRICS.contains(words.get(i).toLowerCase(Locale.ROOT))) last = i + 1;
            words = words.subList(last, words.size());
        }
        return String.join(" ", words);
    }

    private static String unit(String raw) {
        if (raw == null) return "";
        String u = raw.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "milliseconds" -> "ms";
            case "seconds", "sec" -> "s";
            case "minutes" -> "min";
            case "hours" -> "h";
            case "qps", "rps" -> u.toUpperCase(Locale.ROOT);
            default -> u;
        };
    }

    private static String comparator(String raw) {
        String r = raw.toLowerCase(Locale.ROOT);
        if (r.contains("least") || r.equals(">=") || r.equals("≥")) return "≥";
        if (r.contains("most") || r.equals("<=") || r.equals("≤") || r.equals("no more than")) return "≤";
        if (r.equals("under") || r.equals("below") || r.equals("less than")) return "<";
        if (r.equals("over") || r.equals("above") || r.equals("more than")) return ">";
        return r;
    }

    /**
     * One key for the spellings of a metric: {@code NDCG@10} and W&B's {@code eval/ndcg@10} both become
     * {@code ndcg10}; "p99 response time" and {@code resp_time_p99_ms} both become {@code p99responsetime}
     * (words sorted, unit words dropped, common abbreviations spelled out).
     */
    public static String metricKey(String name) {
        String last = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        List<String> words = new ArrayList<>();
        for (String w : last.toLowerCase(Locale.ROOT).split("[^a-z0-9@]+")) {
            if (w.isEmpty() || NAME_UNITS.contains(w)) continue;
            for (String part : ABBREVIATIONS.getOrDefault(w, w).split(" ")) words.add(part.replace("@", ""));
        }
        if (words.isEmpty()) return last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        words.sort(null);
        return String.join("", words);
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
