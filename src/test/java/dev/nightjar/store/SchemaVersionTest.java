package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import dev.nightjar.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {

    @TempDir
    Path tmp;

    @Test
    void theShortcutAgreesWithFlyway() throws Exception {
        try (Database db = Database.open(tmp, settings())) {
            assertThat(SchemaVersion.isCurrent(db.dataSource(), db.vendor())).isTrue();
            Flyway flyway = Flyway.configure().dataSource(db.dataSource())
                    .locations("classpath:db/migration", "classpath:" + SchemaVersion.vendorLocation(db.vendor())).load();
            assertThat(flyway.info().pending()).isEmpty();
            MigrationInfo[] all = flyway.info().all();
            assertThat(SchemaVersion.newestShipped(db.vendor())).isEqualTo(all[all.length - 1].getVersion());
            // pretend the newest migration has not run: the shortcut must send us to Flyway
            db.jdbc().update("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
            assertThat(SchemaVersion.isCurrent(db.dataSource(), db.vendor())).isFalse();
            assertThat(List.of(flyway.info().pending())).isNotEmpty();
        }
    }

    @Test
    void everyDatabaseShipsTheSameMigrationVersions() throws Exception {
        // what differs per database lives in db/vendor/<vendor>; the version sequence must not
        assertThat(SchemaVersion.newestShipped("postgresql")).isEqualTo(SchemaVersion.newestShipped("h2"));
        // the constant the store's open compares with: a new migration file must move it too
        assertThat(SchemaVersion.newestShipped("h2")).as("SchemaVersion.NEWEST_SHIPPED after adding a migration")
                .isEqualTo(org.flywaydb.core.api.MigrationVersion.fromVersion(SchemaVersion.NEWEST_SHIPPED));
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        java.util.function.Function<String, List<String>> names = vendor -> {
            try {
                return java.util.Arrays.stream(resolver.getResources("classpath*:" + SchemaVersion.vendorLocation(vendor) + "/V*"))
                        .map(r -> r.getFilename()).sorted().toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(names.apply("postgresql")).isNotEmpty().isEqualTo(names.apply("h2"));
    }

    private DatabaseSettings settings() {
        return DatabaseSettings.resolve(dev.nightjar.config.Environment.of(TestDatabases.env(tmp, java.util.Map.of())),
                new dev.nightjar.config.ConfigDir(tmp.resolve("no-config")));
    }
}
