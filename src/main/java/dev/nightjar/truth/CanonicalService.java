package dev.nightjar.truth;

import dev.nightjar.config.Admins;
import dev.nightjar.config.ConfigException;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Marking and unmarking canonical documents. Only admins may do it; every change is audited (who, when,
 * why, review-by); marking a document canonical supersedes the previously canonical one on the same
 * subject. Used by the CLI and the Slack command alike.
 */
public final class CanonicalService {

    private final DocumentStore store;
    private final CanonicalStore marks;
    private final TruthPolicy policy;
    private final Admins admins;
    private final Clock clock;

    /** As {@link #CanonicalService(DocumentStore, CanonicalStore, TruthPolicy, Admins, Clock)}; {@code db} is not used (the wiring still passes it). */
    public CanonicalService(Database db, DocumentStore store, CanonicalStore marks, TruthPolicy policy, Admins admins, Clock clock) {
        this(store, marks, policy, admins, clock);
    }

    public CanonicalService(DocumentStore store, CanonicalStore marks, TruthPolicy policy, Admins admins, Clock clock) {
        this.store = store;
        this.marks = marks;
        this.policy = policy;
        this.admins = admins;
        this.clock = clock;
    }

    /**
     * @param replaced the document's previous admin mark (another admin's reason and review date), or
     *                 null when it had none; it stays in the audit log as a {@code replace} entry
     */
    public record Marked(StoredDocument document, CanonicalStore.Mark mark, List<String> superseded, CanonicalStore.Mark replaced) {
    }

    public Marked mark(String url, String by, Duration reviewEvery, String reason) {
        requireAdmin(by, "mark documents canonical");
        StoredDocument doc = resolve(url);
        Instant now = clock.instant();
        Duration period = reviewEvery == null ? policy.defaultReviewPeriod() : reviewEvery;
        CanonicalStore.Mark mark = new CanonicalStore.Mark(doc.id(), Subjects.of(doc, store), by, now, now.plus(period), reason);
        List<String> previous = marks.bySubject(mark.subject()).stream().map(CanonicalStore.Mark::docId)
                .filter(id -> !id.equals(doc.id())).toList();
        CanonicalStore.Mark replaced = marks.find(doc.id()).orElse(null);
        marks.markAudited(mark, replaced, replaced == null ? null : describe(replaced), previous);
        refresher().refresh();
        return new Marked(store.find(doc.id()).orElseThrow(), mark, previous, replaced);
    }

    /** "mark by ben@example.com of 2026-11-20: reason" — what a re-mark replaces, for the audit and the CLI. */
    public static String describe(CanonicalStore.Mark m) {
        return "mark by " + m.markedBy() + " of " + m.markedAt().toString().substring(0, 10) + ": "
                + (m.reason() == null || m.reason().isBlank() ? "no reason given" : m.reason());
    }

    public StoredDocument unmark(String url, String by, String reason) {
        requireAdmin(by, "unmark canonical documents");
        StoredDocument doc = resolve(url);
        if (marks.find(doc.id()).isEmpty()) {
            throw new ConfigException(url + " is not marked canonical (see `nightjar canonical list`)");
        }
        Instant now = clock.instant();
        marks.unmarkAudited(doc.id(), by, now, reason);
        refresher().refresh();
        return store.find(doc.id()).orElseThrow();
    }

    public record Listed(StoredDocument document, CanonicalStore.Mark mark) {
    }

    /** Every canonical document: admin-marked and rule-matched, with its mark when there is one. */
    public List<Listed> list() {
        return store.queries().canonical().stream()
                .map(d -> new Listed(d, marks.find(d.id()).orElse(null))).toList();
    }

    private StoredDocument resolve(String url) {
        List<StoredDocument> found = store.findByUrl(url.trim());
        if (found.isEmpty()) {
            throw new ConfigException("no document with URL " + url + " is in the store (run `nightjar sync` first, or check the URL)");
        }
        if (found.size() > 1) {
            throw new ConfigException(url + " matches " + found.size() + " documents: "
                    + String.join(", ", found.stream().map(StoredDocument::id).toList()));
        }
        return found.get(0);
    }

    private void requireAdmin(String email, String what) {
        if (!admins.isAdmin(email)) {
            throw new RefusedException(email + " is not an admin and may not " + what
                    + " (admins are listed under `admins:` in connectors/slack.yml)");
        }
    }

    private TruthRefresher refresher() {
        return new TruthRefresher(store, marks, policy, clock);
    }
}
