package dev.nightjar.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link LlmClient} over the OpenAI Java SDK; works with any OpenAI-compatible base URL. */
public final class OpenAiLlmClient implements LlmClient {

    private final OpenAIClient client;

    public OpenAiLlmClient(String apiKey, String baseUrl) {
        // One attempt per call: the skill itself retries once on a bad answer and falls back to extractive text.
        this.client = OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    @Override
    public Completion complete(String model, List<Message> messages, String schemaName, Map<String, Object> jsonSchema) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model).temperature(0.0);
        for (Message m : messages) {
            switch (m.role()) {
                case "system" -> params.addSystemMessage(m.content());
                case "assistant" -> params.addAssistantMessage(m.content());
                default -> params.addUserMessage(m.content());
            }
        }
        if (jsonSchema != null) {
            ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
            jsonSchema.forEach((k, v) -> schema.putAdditionalProperty(k, JsonValue.from(v)));
            params.responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                    .name(schemaName).strict(true).schema(schema.build()).build()).build());
        }
        ChatCompletion completion = client.chat().completions().create(params.build());
        String text = completion.choices().isEmpty() ? "" : completion.choices().get(0).message().content().orElse("");
        long in = completion.usage().map(u -> u.promptTokens()).orElse(0L);
        long out = completion.usage().map(u -> u.completionTokens()).orElse(0L);
        return new Completion(text, (int) in, (int) out);
    }
}
