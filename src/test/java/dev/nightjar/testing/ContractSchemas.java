package dev.nightjar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;

/** Validates CLI output against the pinned JSON Schemas (copies of ../shared/contracts). */
public final class ContractSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractSchemas() {
    }

    /** The violations of {@code json} against {@code <name>.schema.json}; empty when it conforms. */
    public static List<String> violations(String name, String json) {
        try (InputStream schemaText = ContractSchemas.class.getResourceAsStream("/contracts/" + name + ".schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
            JsonNode node = JSON.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
