package dev.nightjar.store;

import dev.nightjar.model.DocumentId;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.TruthLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The reads the skills, Slack and truth make of documents and links, named in the domain's terms. Every
 * document query returns current documents only (not deleted); the caller applies its reader's ACL. This
 * is the one place that knows how a kind, a state or a project membership is spelled in SQL.
 */
public final class DocumentQueries {

    /** Ids per {@code IN (...)}: well under every database's bound-parameter limit. */
    private static final int CHUNK = 500;
    private static final String LINK_COLUMNS = "SELECT from_id, link_type, to_ref FROM links WHERE ";

    private final JdbcTemplate jdbc;

    DocumentQueries(Database db) {
        this.jdbc = db.jdbc();
    }

    /** Current documents of any of {@code kinds}, in no particular order. */
    public List<StoredDocument> ofKinds(Collection<DocumentKind> kinds) {
        return selectEachKind(kinds, "", List.of());
    }

    /**
     * Current documents of {@code kinds} whose {@code projects} name {@code projectRef} (a Linear project,
     * initiative or team id). The JSON text is pre-filtered in SQL and the membership checked exactly.
     */
    public List<StoredDocument> namingProject(String projectRef, Collection<DocumentKind> kinds) {
        List<StoredDocument> rows = selectEachKind(kinds, " AND projects LIKE ? ESCAPE '\\'", List.of("%\"" + likeEscape(projectRef) + "\"%"));
        return rows.stream().filter(d -> d.document().projects().contains(projectRef)).toList();
    }

    /**
     * Current documents of {@code kinds} whose id ends with {@code idSuffix}, e.g. {@code /search-ranker#55}
     * for a {@code repo#55} typed without its owner. The caller decides what several matches mean.
     */
    public List<StoredDocument> idEndingWith(Collection<DocumentKind> kinds, String idSuffix) {
        if (idSuffix.isEmpty()) return List.of();
        return selectEachKind(kinds, " AND id LIKE ? ESCAPE '\\'", List.of("%" + likeEscape(idSuffix)));
    }

    /**
     * Ids of the current documents of {@code kind} whose key starts with {@code keyPrefix} (a Linear
     * team's {@code RNK-}): ids only, for suggesting a near one without reading bodies.
     */
    public List<String> idsWithKeyPrefix(DocumentKind kind, String keyPrefix) {
        return jdbc.queryForList("SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' AND deleted_at IS NULL",
                String.class, likeEscape(kind.prefix() + keyPrefix) + "%");
    }

    /** Current documents of {@code kinds} written by any of {@code identities}. */
    public List<StoredDocument> authoredBy(Collection<String> identities, Collection<DocumentKind> kinds) {
        if (identities.isEmpty()) return List.of();
        return selectEachKind(kinds, " AND author IN (" + marks(identities.size()) + ")", List.copyOf(identities));
    }

    /**
     * The latest {@code limit} current documents of {@code kind} whose properties contain {@code fragment}
     * (case-insensitive) at or after the property {@code key}, newest source time first: a cheap pre-filter
     * on the JSON text, so the caller checks the property's value itself.
     */
    public List<StoredDocument> latestWithPropertyContaining(DocumentKind kind, PropertyKey key, String fragment, int limit) {
        List<Object> args = new ArrayList<>();
        String where = kind(kind, args) + " AND LOWER(properties) LIKE ? ESCAPE '\\' ORDER BY updated_at DESC LIMIT " + limit;
        args.add("%\"" + key.key() + "\":\"%" + likeEscape(fragment.toLowerCase(java.util.Locale.ROOT)) + "%");
        return select(where, args); // a pre-filter: the fragment may sit in a later key's value; the caller checks the property
    }

    /**
     * Current documents of {@code kind} whose change sequence lies in {@code (afterSeq, upToSeq]}, in
     * sequence order: what a follower of the change feed has not read yet.
     */
    public List<StoredDocument> changedAfter(DocumentKind kind, long afterSeq, long upToSeq) {
        List<Object> args = new ArrayList<>();
        String where = kind(kind, args) + " AND change_seq > ? AND change_seq <= ? ORDER BY change_seq";
        args.add(afterSeq);
        args.add(upToSeq);
        return select(where, args);
    }

    /**
     * Current documents of {@code kind} updated at or before {@code upTo} whose title contains any of
     * {@code fragments} (lower case, compared without case), newest source time first.
     */
    public List<StoredDocument> titledWithAny(DocumentKind kind, Collection<String> fragments, Instant upTo) {
        if (fragments.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(kind(kind, args)).append(" AND updated_at <= ? AND (");
        args.add(DocumentStore.ts(upTo));
        String or = "";
        for (String f : fragments) {
            where.append(or).append("LOWER(title) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscape(f.toLowerCase(java.util.Locale.ROOT)) + "%");
            or = " OR ";
        }
        return select(where.append(") ORDER BY updated_at DESC").toString(), args);
    }

    /** Current documents whose source time lies in {@code [from, to]}, newest first. */
    public List<StoredDocument> updatedBetween(Instant from, Instant to) {
        return select("updated_at >= ? AND updated_at <= ? AND deleted_at IS NULL ORDER BY updated_at DESC",
                List.of(DocumentStore.ts(from), DocumentStore.ts(to)));
    }

    /**
     * Current documents of {@code kind} in {@code state}, newest source time first; {@code keyPrefix}
     * (a Linear team's {@code RNK-}, a W&B {@code entity/project/}) and {@code updatedBefore} narrow it when not null.
     */
    public List<StoredDocument> inState(DocumentKind kind, DocumentState state, String keyPrefix, Instant updatedBefore) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(kind(kind, args)).append(" AND state = ?");
        args.add(state.label());
        if (keyPrefix != null) {
            where.append(" AND doc_key LIKE ? ESCAPE '\\'");
            args.add(likeEscape(keyPrefix) + "%");
        }
        if (updatedBefore != null) {
            where.append(" AND updated_at < ?");
            args.add(DocumentStore.ts(updatedBefore));
        }
        return select(where.append(" ORDER BY updated_at DESC").toString(), args);
    }

    /** Current documents of {@code kind} that some document blocks (targets of a BLOCKS link); {@code keyPrefix} narrows when not null. */
    public List<StoredDocument> blocked(DocumentKind kind, String keyPrefix) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(kind(kind, args));
        if (keyPrefix != null) {
            where.append(" AND doc_key LIKE ? ESCAPE '\\'");
            args.add(likeEscape(keyPrefix) + "%");
        }
        where.append(" AND id IN (SELECT to_ref FROM links WHERE link_type = ?)");
        args.add(LinkType.BLOCKS.name());
        return select(where.toString(), args);
    }

    /** The current canonical documents that nothing supersedes: what the truth policy holds true now. */
    public List<StoredDocument> currentCanonical() {
        return select("truth_level = ? AND superseded_by IS NULL AND deleted_at IS NULL", List.of(TruthLevel.CANONICAL.label()));
    }

    /** Every current canonical document, superseded or not, by id (what `canonical list` shows). */
    public List<StoredDocument> canonical() {
        return select("truth_level = ? AND deleted_at IS NULL ORDER BY id", List.of(TruthLevel.CANONICAL.label()));
    }

    /** The properties of up to {@code limit} distinct current documents of {@code kind} (e.g. the teams issues carry). */
    public List<Map<String, String>> propertiesOf(DocumentKind kind, int limit) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("SELECT DISTINCT properties FROM documents WHERE " + kind(kind, args) + " LIMIT " + limit,
                (rs, i) -> JsonColumns.textMap(rs.getString(1)), args.toArray());
    }

    /** Links pointing at any of {@code targets}, optionally only of the given types. */
    public List<Link> linksTo(Collection<String> targets, LinkType... types) {
        return links("to_ref", targets, types);
    }

    /** Links leaving any of {@code sources}, optionally only of the given types. */
    public List<Link> linksFrom(Collection<String> sources, LinkType... types) {
        return links("from_id", sources, types);
    }

    /** Links whose target starts with {@code prefix} (e.g. a Notion page's {@code url:} reference to a Linear project). */
    public List<Link> linksToPrefix(String prefix) {
        return jdbc.query(LINK_COLUMNS + "to_ref LIKE ? ESCAPE '\\'", LINK, likeEscape(prefix) + "%");
    }

    private List<Link> links(String column, Collection<String> refs, LinkType... types) {
        List<String> all = List.copyOf(new LinkedHashSet<>(refs));
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> args = new ArrayList<>(chunk);
            StringBuilder sql = new StringBuilder(LINK_COLUMNS).append(column).append(" IN (").append(marks(chunk.size())).append(')');
            if (types.length > 0) {
                sql.append(" AND link_type IN (").append(marks(types.length)).append(')');
                for (LinkType t : types) args.add(t.name());
            }
            out.addAll(jdbc.query(sql.toString(), LINK, args.toArray()));
        }
        return out;
    }

    static final RowMapper<Link> LINK = (rs, i) -> new Link(DocumentId.parse(rs.getString(1)), LinkType.valueOf(rs.getString(2)), rs.getString(3));

    private List<StoredDocument> select(String where, List<Object> args) {
        return jdbc.query("SELECT " + DocumentStore.COLUMNS + " FROM documents WHERE " + where, DocumentStore.ROW, args.toArray());
    }

    /**
     * Current documents of each of {@code kinds} meeting {@code more} (conditions starting with " AND ", with
     * {@code moreArgs}), one query per kind in the kinds' natural order, rows joined. Why not one query with
     * {@code (source = ? AND kind = ?) OR ...}: H2 then uses only the {@code deleted_at, source} prefix of the
     * {@code documents_counts} index and reads every row of the source (20,000 Linear rows of a 100k-document
     * store to find its few projects: 57 % of {@code serve}'s answering CPU, BENCHMARKS.md "serve under load").
     * With one kind the index's three-column prefix finds exactly the kind's rows.
     */
    private List<StoredDocument> selectEachKind(Collection<DocumentKind> kinds, String more, List<Object> moreArgs) {
        List<StoredDocument> out = new ArrayList<>();
        for (DocumentKind k : kinds.stream().sorted(Comparator.naturalOrder()).distinct().toList()) {
            List<Object> args = new ArrayList<>();
            String where = kind(k, args) + more;
            args.addAll(moreArgs);
            out.addAll(select(where, args));
        }
        return out;
    }

    /** {@code source = ? AND kind = ? AND deleted_at IS NULL}: current documents of {@code kind}, its arguments appended to {@code args}. */
    private static String kind(DocumentKind kind, List<Object> args) {
        args.add(kind.source());
        args.add(kind.kind());
        return "source = ? AND kind = ? AND deleted_at IS NULL";
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
