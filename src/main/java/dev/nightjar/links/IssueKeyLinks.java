package dev.nightjar.links;

import dev.nightjar.model.DocumentId;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Linear issue keys ({@code ASR-117}) in free text (PR titles, branch names, commit messages,
 * Slack messages, Notion pages) and turns them into links to {@code linear:issue:KEY}.
 * {@code closes/fixes/resolves KEY} becomes a {@link LinkType#CLOSES} link, any other mention a
 * {@link LinkType#REFERENCES} link. Common non-issue tokens (UTF-8, SHA-256, ISO-8601) are ignored.
 *
 * <p>Shared by the connectors' normalizers (links written with each document) and the skills (the
 * scratchpad matches a note to the project of the issues it names), so both read text the same way.
 */
public final class IssueKeyLinks {

    private static final Pattern KEY = Pattern.compile("(?<![A-Za-z0-9_])([A-Z][A-Z0-9]{1,9})-(\\d{1,7})(?![0-9])");
    private static final Pattern CLOSING = Pattern.compile(
            "(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+((?-i)[A-Z][A-Z0-9]{1,9}-\\d{1,7})(?![0-9])");
    private static final Set<String> NOT_TEAMS = Set.of("UTF", "SHA", "ISO", "RFC", "HTTP", "CVE", "TLS", "AES",
            "MD", "GPT", "COVID", "PEP", "JSR", "JEP", "X", "RSA", "ES", "PS", "HS", "UUID", "IPV", "FIPS");

    /**
     * A key at the start of a branch name's segment, in lower case: Linear's "copy git branch name" writes
     * {@code lnovak/rnk-130-shadow-traffic-eval}, so a pull request opened from it names its issue only there.
     */
    private static final Pattern BRANCH_KEY = Pattern.compile("(^|/)([a-z][a-z0-9]{1,9}-\\d{1,7})(?=$|[-/_.])");

    private IssueKeyLinks() {
    }

    /**
     * A git branch name with the issue key Linear writes into it in lower case upper-cased, so {@link #keys} and
     * {@link #links} read it ({@code lnovak/rnk-130-shadow-eval} → {@code lnovak/RNK-130-shadow-eval}); the
     * rest of the name is left as it is. Null stays null.
     */
    public static String branch(String branch) {
        if (branch == null) return null;
        Matcher m = BRANCH_KEY.matcher(branch);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(Locale.ROOT)));
        m.appendTail(sb);
        return sb.toString();
    }

    /** Keys mentioned in {@code text}, in order of first appearance. */
    public static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null || text.isEmpty()) return keys;
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            String key = m.group(1) + "-" + m.group(2);
            if (!NOT_TEAMS.contains(m.group(1)) && !keys.contains(key)) keys.add(key);
        }
        return keys;
    }

    /**
     * The keys a person typed in a question, a note or a command argument: those written in capitals
     * ({@link #keys}), then those typed in lower or mixed case ({@code rnk-134}, {@code Rnk-134}), upper-cased,
     * in order of first appearance. A word holding a {@code /} (a URL, a path, a branch name) is read only for
     * capital keys: its slugs ({@code .../issue/RNK-134/launch-to-100-pct}) are not keys. Many such words only
     * look like keys ({@code top-10}, {@code gpt-4}), so the caller keeps a key only where it names an issue the
     * store holds: a team key that exists there plus a number, which is what makes a word a key.
     */
    public static List<String> typedKeys(String text) {
        List<String> keys = keys(text);
        if (text == null) return keys;
        for (String word : text.split("\\s+")) {
            if (word.contains("/") || word.equals(word.toUpperCase(Locale.ROOT))) continue;
            for (String key : keys(word.toUpperCase(Locale.ROOT))) if (!keys.contains(key)) keys.add(key);
        }
        return keys;
    }

    /** Links from {@code from} to every Linear issue named in the texts; closing mentions win. */
    public static List<Link> links(DocumentId from, String... texts) {
        Map<String, LinkType> byKey = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null) continue;
            for (String key : keys(text)) byKey.putIfAbsent(key, LinkType.REFERENCES);
            Matcher closing = CLOSING.matcher(text);
            while (closing.find()) {
                if (!NOT_TEAMS.contains(closing.group(1).split("-")[0])) byKey.put(closing.group(1), LinkType.CLOSES);
            }
        }
        List<Link> links = new ArrayList<>(byKey.size());
        byKey.forEach((key, type) -> {
            DocumentId target = DocumentKind.LINEAR_ISSUE.id(key);
            if (!target.equals(from)) links.add(Link.toDocument(from, type, target));
        });
        return links;
    }
}
