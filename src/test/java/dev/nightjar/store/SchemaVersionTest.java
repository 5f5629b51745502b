package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {

    @TempDir
    Path tmp;

    @Test
    void theShortcutAgreesWithFlyway() throws Exception {
        try (Database db = Database.open(tmp)) {
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isTrue();
            Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load();
            assertThat(flyway.info().pending()).isEmpty();
            MigrationInfo[] all = flyway.info().all();
            assertThat(SchemaVersion.newestShipped()).isEqualTo(all[all.length - 1].getVersion());
            // pretend the newest migration has not run: the shortcut must send us to Flyway
            db.jdbc().update("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
            assertThat(SchemaVersion.isCurrent(db.dataSource())).isFalse();
            assertThat(List.of(flyway.info().pending())).isNotEmpty();
        }
    }
}
