package dev.nightjar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightjar.testing.ContractSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

    @Test
    void bundledCopiesMatchTheSharedContracts() throws IOException {
        Path shared = Path.of("../shared/contracts");
        assumeTrue(Files.isDirectory(shared), "../shared/contracts is not beside the checkout");
        try (Stream<Path> files = Files.list(shared)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                try (InputStream copy = getClass().getResourceAsStream("/contracts/" + f.getFileName())) {
                    assertThat(copy).as("copy of " + f.getFileName()).isNotNull();
                    assertThat(new String(copy.readAllBytes())).as(f.getFileName().toString()).isEqualTo(Files.readString(f));
                }
            }
        }
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() {
        assertThat(ContractSchemas.violations("status", "{\"data_dir\": 1}")).isNotEmpty();
        assertThat(ContractSchemas.violations("brief", "{\"audience\":\"PAY\",\"since\":\"x\",\"sections\":[]}")).isEmpty();
    }
}
