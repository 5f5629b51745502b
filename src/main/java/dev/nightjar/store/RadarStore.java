package dev.nightjar.store;

import dev.nightjar.model.RadarMatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The research radar's two tables: what each paper matched and which version of it was judged ({@code radar_matches}, {@code radar_judged}, migration V9). */
public final class RadarStore {

    private static final String COLUMNS = "paper_id, target_id, score, semantic, shared_terms, paper_sentence, target_sentence, matched_at";

    private final Database db;

    public RadarStore(Database db) {
        this.db = db;
    }

    /** Content hash of the paper version last judged, by paper id. */
    public Map<String, String> judged() {
        return db.jdbc().query("SELECT paper_id, content_hash FROM radar_judged", rs -> {
            Map<String, String> out = new java.util.HashMap<>();
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            return out;
        });
    }

    /** Replaces a paper's matches with {@code matches} and records the version judged, in one transaction. */
    public void replace(String paperId, String contentHash, List<RadarMatch> matches, Instant now) {
        db.tx().executeWithoutResult(status -> {
            db.jdbc().update("DELETE FROM radar_matches WHERE paper_id = ?", paperId);
            for (RadarMatch m : matches) {
                db.jdbc().update("INSERT INTO radar_matches (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)",
                        m.paperId(), m.targetId(), m.score(), m.semantic(), String.join(",", m.sharedTerms()),
                        cut(m.paperSentence()), cut(m.targetSentence()), ts(m.matchedAt()));
            }
            db.jdbc().update("DELETE FROM radar_judged WHERE paper_id = ?", paperId);
            db.jdbc().update("INSERT INTO radar_judged (paper_id, content_hash, judged_at) VALUES (?,?,?)", paperId, contentHash, ts(now));
        });
    }

    /** Matches made at or after {@code since}, best first. */
    public List<RadarMatch> since(Instant since) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM radar_matches WHERE matched_at >= ? ORDER BY score DESC, paper_id",
                RadarStore::row, ts(since));
    }

    /** Every match to any of {@code targetIds}, best first. */
    public List<RadarMatch> forTargets(Collection<String> targetIds) {
        if (targetIds.isEmpty()) return List.of();
        String marks = targetIds.stream().map(t -> "?").collect(Collectors.joining(","));
        return db.jdbc().query("SELECT " + COLUMNS + " FROM radar_matches WHERE target_id IN (" + marks + ") ORDER BY score DESC, paper_id",
                RadarStore::row, targetIds.toArray());
    }

    public List<RadarMatch> all() {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM radar_matches ORDER BY score DESC, paper_id", RadarStore::row);
    }

    public Optional<Instant> lastJudged() {
        return Optional.ofNullable(db.jdbc().query("SELECT MAX(judged_at) FROM radar_judged",
                rs -> rs.next() ? instant(rs.getObject(1, OffsetDateTime.class)) : null));
    }

    private static RadarMatch row(ResultSet rs, int n) throws SQLException {
        String terms = rs.getString("shared_terms");
        return new RadarMatch(rs.getString("paper_id"), rs.getString("target_id"), rs.getDouble("score"), rs.getDouble("semantic"),
                terms == null || terms.isBlank() ? List.of() : Arrays.asList(terms.split(",")),
                rs.getString("paper_sentence"), rs.getString("target_sentence"),
                instant(rs.getObject("matched_at", OffsetDateTime.class)));
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s) {
        return s.length() > 4000 ? s.substring(0, 3999) + "…" : s;
    }
}
