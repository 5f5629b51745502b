package dev.nightjar.llm;

import java.util.List;
import java.util.Map;

/** One chat completion. Implementations: {@link OpenAiLlmClient} (the OpenAI Java SDK). */
public interface LlmClient {

    /** A message of the conversation: role {@code system}, {@code user} or {@code assistant}. */
    record Message(String role, String content) {
    }

    /** The reply text and what it cost. */
    record Completion(String text, int tokensIn, int tokensOut) {
    }

    /**
     * Sends the conversation; {@code jsonSchema} (nullable) asks for structured output conforming to it
     * (the {@code response_format: json_schema} of the API), named {@code schemaName}.
     */
    Completion complete(String model, List<Message> messages, String schemaName, Map<String, Object> jsonSchema);
}
