package dev.nightjar.store.ledgers;

import dev.nightjar.store.Database;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Validated LLM outputs by (template, facts, model) hash; an unchanged subject costs nothing the next night. */
public final class ResponseCache {

    private final Database db;

    public ResponseCache(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.jdbc().queryForList("SELECT response FROM llm_cache WHERE cache_key = ?", String.class, key).stream().findFirst();
    }

    public void put(String key, String skill, String model, String response, Instant now) {
        db.tx().executeWithoutResult(s -> {
            db.jdbc().update("DELETE FROM llm_cache WHERE cache_key = ?", key);
            db.jdbc().update("INSERT INTO llm_cache (cache_key, skill, model, response, created_at) VALUES (?,?,?,?,?)",
                    key, skill, model, response, now.atOffset(ZoneOffset.UTC));
        });
    }
}
