package dev.nightjar.cli;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.skills.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user types for a document → the stored documents it may mean (ACL not applied: the caller
 * filters by its reader). Accepted, in this order:
 * <ul>
 *   <li>an id: {@code linear:issue:RNK-134}, {@code github:pr:kestrel/search-ranker#55};</li>
 *   <li>a URL, with or without {@code https://} ({@code github.com/kestrel/search-ranker/pull/55});</li>
 *   <li>a GitHub reference {@code owner/repo#55}, or {@code repo#55} (every repository of that name: the
 *       caller lists them when there are several), also read out of a GitHub URL the store has under
 *       another spelling ({@code .../pull/55/files});</li>
 *   <li>a Linear issue key, as {@code ask} reads one ({@link IssueKeyLinks#typedKeys}), in any case,
 *       alone or inside a URL ({@code linear.app/kestrel/issue/RNK-134/title-slug}).</li>
 * </ul>
 */
final class DocumentRefs {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*:[a-z][a-z0-9_-]*:.+");
    private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");
    /** A host name with at least one dot, then a path: a URL typed without its scheme. */
    private static final Pattern SHORT_URL = Pattern.compile("(?i)[a-z0-9-]+(?:\\.[a-z0-9-]+)+/.*");
    private static final Pattern GITHUB_REF = Pattern.compile("(?:([\\w.-]+)/)?([\\w.-]+)#(\\d+)");
    private static final Pattern GITHUB_URL = Pattern.compile("(?i)github\\.com/([\\w.-]+)/([\\w.-]+)/(?:pull|issues)/(\\d+)");
    /** GitHub numbers pull requests and issues in one sequence per repository. */
    private static final List<DocumentKind> NUMBERED = List.of(DocumentKind.GITHUB_PR, DocumentKind.GITHUB_ISSUE);

    private final DocumentStore documents;

    DocumentRefs(DocumentStore documents) {
        this.documents = documents;
    }

    /** The documents {@code typed} may mean; empty when none, several when it is ambiguous. */
    List<StoredDocument> candidates(String typed) {
        String ref = typed.strip();
        if (ID.matcher(ref).matches() && !SCHEME.matcher(ref).matches()) return documents.find(ref).stream().toList();
        String url = SCHEME.matcher(ref).matches() ? ref : SHORT_URL.matcher(ref).matches() ? "https://" + ref : null;
        if (url != null) {
            List<StoredDocument> byUrl = documents.findByUrl(url);
            if (!byUrl.isEmpty()) return byUrl;
        }
        Optional<List<StoredDocument>> github = github(ref);
        if (github.isPresent()) return github.get();
        return linearIssue(ref);
    }

    private Optional<List<StoredDocument>> github(String ref) {
        Matcher m = GITHUB_URL.matcher(ref);
        if (!m.find()) {
            m = GITHUB_REF.matcher(ref);
            if (!m.matches()) return Optional.empty();
        }
        String owner = m.group(1), repo = m.group(2), number = m.group(3);
        if (owner != null) {
            String key = owner + "/" + repo + "#" + number;
            return Optional.of(List.copyOf(documents.findAll(NUMBERED.stream().map(k -> k.prefix() + key).toList()).values()));
        }
        return Optional.of(documents.queries().idEndingWith(NUMBERED, "/" + repo + "#" + number));
    }

    /**
     * Up to three issue keys of the same team whose number is one edit from a key typed in
     * {@code typed} ({@code RNK-143} for {@code RNK-134}), nearest first; empty for anything else.
     */
    List<String> nearIssueKeys(String typed) {
        List<String> near = new ArrayList<>();
        for (String key : IssueKeyLinks.typedKeys(typed.strip())) {
            String team = key.substring(0, key.indexOf('-') + 1), number = key.substring(team.length());
            documents.queries().idsWithKeyPrefix(DocumentKind.LINEAR_ISSUE, team).stream()
                    .map(DocumentKind.LINEAR_ISSUE::keyOf)
                    .filter(k -> !k.equals(key) && Words.distance(number, k.substring(team.length())) <= 1)
                    .sorted(Comparator.comparingInt((String k) -> Words.distance(number, k.substring(team.length())))
                            .thenComparing(Comparator.naturalOrder()))
                    .forEach(near::add);
        }
        return near.stream().distinct().limit(3).toList();
    }

    private List<StoredDocument> linearIssue(String ref) {
        for (String key : IssueKeyLinks.typedKeys(ref)) {
            Optional<StoredDocument> issue = documents.find(DocumentKind.LINEAR_ISSUE.prefix() + key);
            if (issue.isPresent()) return List.of(issue.get());
        }
        return List.of();
    }
}
