package dev.nightjar.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where each follower of the change feed that keeps its data in the database stands: the last
 * {@code change_seq} it has taken in, by name, in the {@code skill_state} table (migration V3). A follower
 * writes its position in the same transaction as the data it derived, so a crash leaves both or neither.
 */
public final class FollowerPositions {

    private final Database db;

    public FollowerPositions(Database db) {
        this.db = db;
    }

    /**
     * The latest change committed to the store by any process or node (the database's, not this process's
     * counter, which does not see other writers until it writes itself); 0 for an empty store.
     */
    public long latestCommitted() {
        Long max = db.jdbc().queryForObject("SELECT MAX(change_seq) FROM documents", Long.class);
        return max == null ? 0 : max;
    }

    /** The last change the follower {@code name} has taken in; 0 when it never ran. */
    public long position(String name) {
        Optional<String> v = db.jdbc().queryForList("SELECT state_value FROM skill_state WHERE name = ?", String.class, name)
                .stream().findFirst();
        return v.map(Long::parseLong).orElse(0L);
    }

    /** Records {@code seq} as the follower's position (call inside the transaction that wrote its data). */
    public void advance(String name, long seq, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        if (db.jdbc().update("UPDATE skill_state SET state_value = ?, updated_at = ? WHERE name = ?", Long.toString(seq), at, name) == 0) {
            db.jdbc().update("INSERT INTO skill_state (name, state_value, updated_at) VALUES (?,?,?)", name, Long.toString(seq), at);
        }
    }
}
