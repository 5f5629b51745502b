package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

    @TempDir
    Path tmp;

    private DatabaseSettings resolve(Map<String, String> env) {
        return DatabaseSettings.resolve(Environment.of(env), new ConfigDir(tmp));
    }

    @Test
    void theEmbeddedStoreHasAPageCacheLargerThanH2sDefault() {
        try (Database db = Database.open(tmp.resolve("data"))) {
            Integer mib = db.jdbc().queryForObject(
                    "SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'", Integer.class);
            assertThat(mib).isEqualTo(Database.PAGE_CACHE_KIB / 1024).isEqualTo(128);
        }
    }

    @Test
    void nothingSetIsTheEmbeddedStore() {
        DatabaseSettings s = resolve(Map.of());
        assertThat(s.external()).isFalse();
        assertThat(s.vendor()).isEqualTo("h2");
    }

    @Test
    void theEnvironmentWinsOverDatabaseYamlKeyByKey() throws Exception {
        Files.writeString(tmp.resolve("database.yml"), "url: jdbc:postgresql://db.internal:5432/nightjar\nuser: file-user\npassword: file-secret\n");
        DatabaseSettings fromFile = resolve(Map.of());
        assertThat(fromFile).extracting(DatabaseSettings::url, DatabaseSettings::user, DatabaseSettings::password)
                .containsExactly("jdbc:postgresql://db.internal:5432/nightjar", "file-user", "file-secret");
        DatabaseSettings mixed = resolve(Map.of("NIGHTJAR_DB_USER", "env-user", "NIGHTJAR_DB_PASSWORD", "env-secret"));
        assertThat(mixed).extracting(DatabaseSettings::url, DatabaseSettings::user, DatabaseSettings::password)
                .containsExactly("jdbc:postgresql://db.internal:5432/nightjar", "env-user", "env-secret");
        assertThat(resolve(Map.of("NIGHTJAR_DB_URL", "jdbc:postgresql://other:5433/nj")).url()).isEqualTo("jdbc:postgresql://other:5433/nj");
        assertThat(mixed.vendor()).isEqualTo("postgresql");
        assertThat(mixed.external()).isTrue();
    }

    @Test
    void thePasswordIsNeverPrinted() {
        DatabaseSettings s = resolve(Map.of("NIGHTJAR_DB_URL", "jdbc:postgresql://db:5432/nj?password=in-url-secret",
                "NIGHTJAR_DB_USER", "nj", "NIGHTJAR_DB_PASSWORD", "hunter2"));
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("in-url-secret").contains("jdbc:postgresql://db:5432/nj").contains("nj");
        assertThat(s.redacted()).doesNotContain("in-url-secret");
    }

    @Test
    void anUnreachableServerIsOneLineThatNamesTheVariablesNotThePassword() {
        DatabaseSettings s = resolve(Map.of("NIGHTJAR_DB_URL", "jdbc:postgresql://127.0.0.1:1/nightjar?connectTimeout=2",
                "NIGHTJAR_DB_PASSWORD", "hunter2"));
        assertThatThrownBy(() -> Database.open(tmp.resolve("data"), s)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/nightjar")
                .hasMessageContaining("NIGHTJAR_DB_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n"));
    }

    @Test
    void aUrlOfAnotherDatabaseOrAMalformedFileIsAConfigError() throws Exception {
        assertThatThrownBy(() -> resolve(Map.of("NIGHTJAR_DB_URL", "jdbc:mysql://db/nj")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NIGHTJAR_DB_URL must be a JDBC URL of PostgreSQL");
        Files.writeString(tmp.resolve("database.yml"), "url: jdbc:postgresql://db/nj\npasword: typo\n");
        assertThatThrownBy(() -> resolve(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'pasword'");
    }
}
