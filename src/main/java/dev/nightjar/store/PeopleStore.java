package dev.nightjar.store;

import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accounts per source ({@code source:handle}) with the e-mail that joins them into one person. */
public final class PeopleStore {

    private final Database db;
    private final PeopleVersion version;

    public PeopleStore(Database db) {
        this.db = db;
        this.version = PeopleVersion.of(db);
    }

    /** Inserts or refreshes identities; an identity never loses a known e-mail to a later null. */
    public void upsertAll(List<PersonIdentity> people, Instant now) {
        Map<String, PersonIdentity> unique = new LinkedHashMap<>();
        for (PersonIdentity p : people) unique.merge(p.identity(), p, (a, b) -> b.email() == null && a.email() != null
                ? new PersonIdentity(b.source(), b.handle(), a.email(), b.name(), b.timeZone()) : b);
        if (unique.isEmpty()) return;
        Set<String> known = new HashSet<>();
        List<String> ids = List.copyOf(unique.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            known.addAll(db.jdbc().queryForList("SELECT identity FROM identities WHERE identity IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", String.class, chunk.toArray()));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (PersonIdentity p : unique.values()) {
            String email = p.email() == null ? null : p.email().trim().toLowerCase(java.util.Locale.ROOT);
            if (known.contains(p.identity())) {
                updates.add(new Object[]{email, p.name(), p.timeZone(), DocumentStore.ts(now), p.identity()});
            } else {
                inserts.add(new Object[]{p.identity(), p.source(), p.handle(), email, p.name(), p.timeZone(), DocumentStore.ts(now)});
            }
        }
        db.jdbc().batchUpdate("INSERT INTO identities (identity, source, handle, email, name, time_zone, seen_at) VALUES (?,?,?,?,?,?,?)", inserts);
        db.jdbc().batchUpdate("UPDATE identities SET email=COALESCE(?, email), name=COALESCE(?, name), time_zone=COALESCE(?, time_zone), "
                + "seen_at=? WHERE identity=?", updates);
        version.bumpAfterWrite();
    }

    public Optional<PersonIdentity> find(String identity) {
        return db.jdbc().query("SELECT source, handle, email, name, time_zone FROM identities WHERE identity=?",
                (rs, i) -> new PersonIdentity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                identity).stream().findFirst();
    }

    /** Every identity whose source reported {@code email}. */
    public List<PersonIdentity> byEmail(String email) {
        return db.jdbc().query("SELECT source, handle, email, name, time_zone FROM identities WHERE email=?",
                (rs, i) -> new PersonIdentity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                email.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * This JVM's version of the accounts: moves after every write through any {@code PeopleStore} of this
     * database, and when {@link #noticeOtherWriters} sees another process's write. Costs no query.
     */
    public long version() {
        return version.current();
    }

    /**
     * Looks once for writes this JVM did not make (another process on the shared H2 file, another node on
     * the external database) and moves {@link #version} if there were any. Run at the change feed's cadence
     * in {@code serve}, so a long-running node follows another node's sync within that delay.
     *
     * @return true when the accounts changed since the last look (always on the first)
     */
    public boolean noticeOtherWriters() {
        return version.notice(fingerprint());
    }

    /**
     * Changes whenever an account is added or its e-mail or name changes (an aggregate over the table).
     * (seen_at alone is not enough: a fixed clock writes the same time.)
     */
    String fingerprint() {
        return db.jdbc().queryForObject("SELECT COUNT(*) || '/' || COALESCE(CAST(MAX(seen_at) AS VARCHAR), '') || '/' "
                + "|| COALESCE(SUM(LENGTH(COALESCE(email, '')) * 31 + LENGTH(COALESCE(name, ''))), 0) FROM identities", String.class);
    }

    public List<PersonIdentity> all() {
        return db.jdbc().query("SELECT source, handle, email, name, time_zone FROM identities ORDER BY identity",
                (rs, i) -> new PersonIdentity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }
}
