package dev.nightjar.llm;

import dev.nightjar.store.ledgers.TokenLedger;
import dev.nightjar.Workspace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code llm} block of {@code status}: {@code used} is true when the LLM path is configured
 * ({@code OPENAI_API_KEY}) or was called in the budget window; {@code tokens_today} is the ledger's
 * total over the rolling 24-hour budget window (the night's spend); {@code budget} the configured cap.
 */
public final class LlmStatus {

    private LlmStatus() {
    }

    public static Map<String, Object> of(Workspace ws) {
        LlmSettings settings = LlmSettings.from(ws.env());
        TokenLedger ledger = new TokenLedger(ws.database());
        Instant from = ws.clock().instant().minus(LlmWriter.BUDGET_WINDOW);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("used", settings.enabled() || ledger.callsSince(from) > 0);
        m.put("tokens_today", ledger.tokensSince(from));
        m.put("budget", settings.budget());
        m.put("model", settings.enabled() ? settings.model() : null);
        return m;
    }
}
