package dev.nightjar.llm;

import dev.nightjar.store.ledgers.ResponseCache;
import dev.nightjar.store.ledgers.TokenLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM path of every skill: renders the skill's template with the numbered facts, answers from the
 * cache when the same (template, facts, model) was answered before, enforces the rolling 24-hour token
 * budget, validates the output (citations and numbers for prose, the JSON shape for extraction), retries
 * once with the problems spelled out, and otherwise gives up so the caller uses its extractive text.
 * Every call and cache hit is written to the token ledger.
 */
public final class LlmWriter {

    private static final Logger log = LoggerFactory.getLogger(LlmWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration BUDGET_WINDOW = Duration.ofHours(24);

    private final LlmSettings settings;
    private final LlmClient client;
    private final PromptTemplates templates;
    private final TokenLedger ledger;
    private final ResponseCache cache;
    private final Clock clock;

    public LlmWriter(LlmSettings settings, LlmClient client, PromptTemplates templates, TokenLedger ledger, ResponseCache cache, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.templates = templates;
        this.ledger = ledger;
        this.cache = cache;
        this.clock = clock;
    }

    /** The writer for this environment, or empty when no {@code OPENAI_API_KEY} is set. */
    public static Optional<LlmWriter> from(Environment env, ConfigDir config, Database db, Clock clock) {
        LlmSettings settings = LlmSettings.from(env);
        if (!settings.enabled()) return Optional.empty();
        return Optional.of(new LlmWriter(settings, new OpenAiLlmClient(settings.apiKey().orElseThrow(), settings.baseUrl()),
                new PromptTemplates(config), new TokenLedger(db), new ResponseCache(db), clock));
    }

    public String model() {
        return settings.model();
    }

    /** Prose from numbered facts; {@code citations} are the numbers the facts carry, {@code facts} their text (for numbers). */
    public Prose write(String skill, Map<String, String> slots, Set<Integer> citations, String facts) {
        return run(skill, slots, null, null, text -> OutputValidator.problems(text, citations, facts));
    }

    /** Structured output conforming to {@code schema}; {@code check} adds the caller's own checks on the parsed JSON. */
    public Prose extract(String skill, Map<String, String> slots, String schemaName, Map<String, Object> schema,
                         Function<JsonNode, List<String>> check) {
        return run(skill, slots, schemaName, schema, text -> {
            try {
                JsonNode node = JSON.readTree(text);
                if (node == null || !node.isObject()) return List.of("the reply is not a JSON object");
                return check.apply(node);
            } catch (java.io.IOException e) {
                return List.of("the reply is not valid JSON");
            }
        });
    }

    private Prose run(String skill, Map<String, String> slots, String schemaName, Map<String, Object> schema,
                      Function<String, List<String>> validate) {
        PromptTemplates.Prompt prompt = templates.render(skill, slots);
        String key = sha256(skill + "\u0000" + settings.model() + "\u0000" + prompt.system() + "\u0000" + prompt.user());
        Instant now = clock.instant();
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            ledger.record(now, skill, settings.model(), 0, 0, true, "cache_hit");
            return new Prose(hit.get(), true, settings.model(), 0, 0, true, "cache_hit");
        }
        long spent = ledger.tokensSince(now.minus(BUDGET_WINDOW));
        if (spent >= settings.budget()) {
            log.warn("LLM budget of {} tokens per 24 h is used up ({} spent); answering extractively", settings.budget(), spent);
            return new Prose(null, false, settings.model(), 0, 0, false, "over_budget");
        }
        List<LlmClient.Message> messages = new ArrayList<>(prompt.messages());
        int in = 0, out = 0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            LlmClient.Completion c;
            try {
                c = client.complete(settings.model(), messages, schemaName, schema);
            } catch (RuntimeException e) {
                log.warn("LLM call for {} failed ({}); answering extractively", skill, e.getClass().getSimpleName());
                ledger.record(clock.instant(), skill, settings.model(), 0, 0, false, "error");
                return new Prose(null, false, settings.model(), in, out, false, "error");
            }
            in += c.tokensIn();
            out += c.tokensOut();
            List<String> problems = validate.apply(c.text());
            ledger.record(clock.instant(), skill, settings.model(), c.tokensIn(), c.tokensOut(), false, problems.isEmpty() ? "accepted" : "rejected");
            if (problems.isEmpty()) {
                cache.put(key, skill, settings.model(), c.text(), clock.instant());
                return new Prose(c.text(), true, settings.model(), in, out, false, "accepted");
            }
            log.info("LLM output for {} rejected (attempt {}): {}", skill, attempt, problems);
            messages.add(new LlmClient.Message("assistant", c.text()));
            messages.add(new LlmClient.Message("user", "That answer was rejected: " + String.join("; ", problems)
                    + ". Answer again using only the numbered facts given, citing only their numbers, and no other numbers."));
        }
        return new Prose(null, false, settings.model(), in, out, false, "rejected");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
