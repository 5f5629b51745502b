package dev.nightjar.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The resume point of every source stream (an opaque string the connector understands). */
public final class CursorStore {

    private final Database db;

    public CursorStore(Database db) {
        this.db = db;
    }

    public record Cursor(String source, String stream, String value, Instant updatedAt) {
    }

    public Optional<String> get(String source, String stream) {
        return db.jdbc().queryForList("SELECT cursor_value FROM cursors WHERE source=? AND stream=?", String.class, source, stream)
                .stream().findFirst();
    }

    public void put(String source, String stream, String value, Instant now) {
        int updated = db.jdbc().update("UPDATE cursors SET cursor_value=?, updated_at=? WHERE source=? AND stream=?",
                value, DocumentStore.ts(now), source, stream);
        if (updated == 0) {
            db.jdbc().update("INSERT INTO cursors (source, stream, cursor_value, updated_at) VALUES (?,?,?,?)",
                    source, stream, value, DocumentStore.ts(now));
        }
    }

    public void clear(String source) {
        db.jdbc().update("DELETE FROM cursors WHERE source=?", source);
    }

    public List<Cursor> all() {
        return db.jdbc().query("SELECT source, stream, cursor_value, updated_at FROM cursors ORDER BY source, stream",
                (rs, i) -> new Cursor(rs.getString(1), rs.getString(2), rs.getString(3), DocumentStore.instant(rs, 4)));
    }
}
