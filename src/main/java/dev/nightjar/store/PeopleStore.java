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

    public PeopleStore(Database db) {
        this.db = db;
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
     * Changes whenever an account is added or its e-mail or name changes: lets the people directory
     * re-join only when needed. (seen_at alone is not enough: a fixed clock writes the same time.)
     */
    public String fingerprint() {
        return db.jdbc().queryForObject("SELECT COUNT(*) || '/' || COALESCE(CAST(MAX(seen_at) AS VARCHAR), '') || '/' "
                + "|| COALESCE(SUM(LENGTH(COALESCE(email, '')) * 31 + LENGTH(COALESCE(name, ''))), 0) FROM identities", String.class);
    }

    public List<PersonIdentity> all() {
        return db.jdbc().query("SELECT source, handle, email, name, time_zone FROM identities ORDER BY identity",
                (rs, i) -> new PersonIdentity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }
}
