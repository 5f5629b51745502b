package dev.nightjar.store.ledgers;

import dev.nightjar.store.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One row per LLM call or cache hit: skill, model, tokens in and out, outcome. The budget reads it. */
public final class TokenLedger {

    private final Database db;

    public TokenLedger(Database db) {
        this.db = db;
    }

    public void record(Instant at, String skill, String model, int tokensIn, int tokensOut, boolean cached, String outcome) {
        db.jdbc().update("INSERT INTO llm_ledger (at, skill, model, tokens_in, tokens_out, cached, outcome) VALUES (?,?,?,?,?,?,?)",
                ts(at), skill, model, tokensIn, tokensOut, cached, outcome);
    }

    /** Tokens (in + out) spent at or after {@code since}. */
    public long tokensSince(Instant since) {
        Long n = db.jdbc().queryForObject("SELECT COALESCE(SUM(tokens_in + tokens_out), 0) FROM llm_ledger WHERE at >= ?", Long.class, ts(since));
        return n == null ? 0 : n;
    }

    /** Calls (not cache hits) at or after {@code since}. */
    public int callsSince(Instant since) {
        Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM llm_ledger WHERE at >= ? AND NOT cached", Integer.class, ts(since));
        return n == null ? 0 : n;
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
