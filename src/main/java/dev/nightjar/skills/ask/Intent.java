package dev.nightjar.skills.ask;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of question it is, its topic with the question words removed, and the time window it
 * names. Intent comes before keywords: "who is blocked", "what happened overnight", "what did we decide
 * this week", "who is working on what", "what did Maya decide" are answered from the store's structure
 * (blocks links, source times, the decision log, assignees), not by searching for their words.
 *
 * @param window how far back the question looks ("overnight" = 24 h, "this week" = 7 days, "in the last
 *               3 days", "since Monday"), or null when it names none
 * @param windowWords the window as the question said it, for the answer's text
 */
public record Intent(Kind kind, String topic, Duration window, String windowWords) {

    public enum Kind { STATUS, WHY, BLOCKERS, OWNER, BLOCKED_NOW, RECENT, DECISIONS, WORKING_ON, PAPERS }

    public Intent(Kind kind, String topic) {
        this(kind, topic, null, null);
    }

    private static final Pattern WHY = Pattern.compile("(?i)^\\s*why\\s+(?:did|do|does|was|were|is|are|have|has)\\s+(?:we|they|you|it|i)?\\s*(.*)$");
    private static final Pattern BLOCKERS = Pattern.compile("(?i)^\\s*(?:what(?:'s| is)|who(?:'s| is)|whats)\\s+(?:blocking|holding up|blokcing)\\s+(.*)$");
    private static final Pattern OWNER = Pattern.compile("(?i)^\\s*(?:who\\s+(?:owns|leads|is responsible for|is working on|is on)|who's\\s+(?:on|working on))\\s+(.*)$");
    private static final Pattern STATUS = Pattern.compile(
            "(?i)^\\s*(?:where\\s+do\\s+we\\s+stand\\s+(?:on|with)|what(?:'s| is)\\s+the\\s+(?:status|state)\\s+of|status\\s+of|how(?:'s| is)|what(?:'s| is)\\s+up\\s+with|update\\s+on)\\s+(.*)$");
    private static final Pattern BLOCKED_NOW = Pattern.compile(
            "(?i)^\\s*(?:who|what|which\\s+\\w+|anything|anyone|is\\s+anyone|is\\s+anything)(?:'s|\\s+is|\\s+are)?\\s+(?:currently\\s+|still\\s+)?blocked(?:\\s+right\\s+now|\\s+now|\\s+today)?\\s*\\??\\s*$");
    /** "any new papers relevant to X?", "arXiv papers about the reranker": answered from the research radar's matches. */
    private static final Pattern PAPERS = Pattern.compile(
            "(?i)^\\s*(?:(?:are\\s+there\\s+)?any\\s+|which\\s+|what\\s+)?(?:new\\s+|recent\\s+)?(?:research\\s+|arxiv\\s+)?(?:papers?|preprints?)\\b"
                    + "(?:.*?\\b(?:relevant\\s+to|related\\s+to|about|for|on)\\s+(.+?))?\\s*\\??\\s*$");
    private static final Pattern WORKING_ON = Pattern.compile("(?i)^\\s*who(?:'s|\\s+is)\\s+working\\s+on\\s+what\\b(.*)$");
    private static final Pattern PERSON_DECIDED = Pattern.compile("(?i)^\\s*what\\s+(?:did|has)\\s+(.+?)\\s+decide[d]?\\b(.*)$");
    private static final Pattern DECISIONS = Pattern.compile("(?i)\\b(?:decid\\w*|decisions?)\\b");
    private static final Pattern RECENT = Pattern.compile(
            "(?i)\\b(?:what\\s+happened|what\\s+changed|what(?:'s|\\s+is)\\s+new|anything\\s+new|news|crash\\w*|fail\\w*|mention\\w*|merged|reviews?)\\b");
    private static final Pattern LAST_N = Pattern.compile("(?i)\\b(?:in\\s+)?the\\s+(?:last|past)\\s+(\\d+|two|three|four|five|six|seven)\\s+(hours?|days?)\\b");
    private static final Pattern SINCE_DAY = Pattern.compile("(?i)\\bsince\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern DAY_WINDOW = Pattern.compile("(?i)\\b(overnight|last\\s+night|since\\s+yesterday|yesterday|today|this\\s+morning)\\b");
    private static final Pattern WEEK_WINDOW = Pattern.compile("(?i)\\b(this\\s+week|past\\s+week|last\\s+week|last\\s+7\\s+days)\\b");

    /** @param now and {@code zone} resolve "since Monday" in the reader's own calendar */
    public static Intent of(String question, Instant now, ZoneId zone) {
        String q = question.strip();
        Matcher m;
        Window w = window(q, now, zone);
        if (BLOCKED_NOW.matcher(q).matches()) return new Intent(Kind.BLOCKED_NOW, "");
        if ((m = PAPERS.matcher(q)).matches()) return new Intent(Kind.PAPERS, m.group(1) == null ? "" : clean(m.group(1)));
        if ((m = WORKING_ON.matcher(q)).matches()) return new Intent(Kind.WORKING_ON, clean(m.group(1).replaceFirst("(?i)^\\s*(?:in|on)\\s+", "")));
        if ((m = PERSON_DECIDED.matcher(q)).matches()) {
            String who = m.group(1).strip();
            boolean us = who.matches("(?i)we|the team|you|they");
            return new Intent(Kind.DECISIONS, us ? "" : clean(who), w == null ? null : w.duration, w == null ? null : w.words);
        }
        if (w != null && DECISIONS.matcher(q).find()) return new Intent(Kind.DECISIONS, "", w.duration, w.words);
        if (w != null && (RECENT.matcher(q).find() || q.toLowerCase(Locale.ROOT).matches(".*\\b(overnight|last night|since yesterday)\\b.*"))) {
            return new Intent(Kind.RECENT, clean(q), w.duration, w.words);
        }
        if ((m = WHY.matcher(q)).matches()) return new Intent(Kind.WHY, clean(m.group(1)));
        if ((m = BLOCKERS.matcher(q)).matches()) return new Intent(Kind.BLOCKERS, clean(m.group(1)));
        if ((m = OWNER.matcher(q)).matches()) return new Intent(Kind.OWNER, clean(m.group(1)));
        if ((m = STATUS.matcher(q)).matches()) return new Intent(Kind.STATUS, clean(m.group(1)));
        return new Intent(Kind.STATUS, clean(q));
    }

    private record Window(Duration duration, String words) {
    }

    private static Window window(String q, Instant now, ZoneId zone) {
        Matcher m;
        if ((m = LAST_N.matcher(q)).find()) {
            String n = m.group(1).toLowerCase(Locale.ROOT);
            int count = switch (n) {
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "seven" -> 7;
                default -> Integer.parseInt(n);
            };
            boolean hours = m.group(2).toLowerCase(Locale.ROOT).startsWith("hour");
            return new Window(hours ? Duration.ofHours(count) : Duration.ofDays(count), m.group().strip());
        }
        if ((m = SINCE_DAY.matcher(q)).find()) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            LocalDate start = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(day));
            return new Window(Duration.between(start.atStartOfDay(zone).toInstant(), now), m.group().strip());
        }
        if ((m = DAY_WINDOW.matcher(q)).find()) return new Window(Duration.ofHours(24), m.group().strip().toLowerCase(Locale.ROOT));
        if ((m = WEEK_WINDOW.matcher(q)).find()) return new Window(Duration.ofDays(7), m.group().strip().toLowerCase(Locale.ROOT));
        return null;
    }

    private static String clean(String s) {
        return s.replaceAll("[?!.]+\\s*$", "").replaceAll("(?i)^(?:the|our)\\s+", "").strip();
    }
}
