package dev.nightjar.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the store, job and restart tests run on. The build runs them twice: once on the
 * embedded H2 (always), once on PostgreSQL (the Maven execution {@code postgresql} sets the system
 * property {@value #MODE}). The PostgreSQL server is whatever {@code NIGHTJAR_TEST_PG_URL} (+ {@code _USER},
 * {@code _PASSWORD}) names; {@code .ci/run} starts one through {@code scripts/test-postgres.sh}. Without
 * it the PostgreSQL half is skipped with a notice saying so ({@link PostgresAvailable}).
 * <p>
 * Each data directory gets its own fresh database, so tests stay isolated and a test that reopens a data
 * directory (a restart) finds its data again, as it would with H2.
 */
public final class TestDatabases {

    /** System property naming the database of this test execution: {@code postgresql}, else H2. */
    public static final String MODE = "nightjar.test.db";
    public static final String URL_VAR = "NIGHTJAR_TEST_PG_URL";

    private TestDatabases() {
    }

    /** True in the PostgreSQL execution. */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(MODE));
    }

    /** {@code base} plus, on PostgreSQL, the NIGHTJAR_DB_* variables of {@code dataDir}'s own database. */
    public static Map<String, String> env(Path dataDir, Map<String, String> base) {
        if (!postgres()) return base;
        Map<String, String> env = new HashMap<>(base);
        env.putAll(databaseFor(dataDir));
        return Map.copyOf(env);
    }

    /** The NIGHTJAR_DB_* variables of a database reserved for {@code dataDir}, created empty on first use. */
    public static synchronized Map<String, String> databaseFor(Path dataDir) {
        String server = System.getenv(URL_VAR);
        if (server == null || server.isBlank()) {
            throw new IllegalStateException(URL_VAR + " is not set: start a server with scripts/test-postgres.sh (see .ci/run)");
        }
        String name = "nj_" + sha256(dataDir.toAbsolutePath().normalize().toString()).substring(0, 20);
        try (Connection c = DriverManager.getConnection(server, user(), password())) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("CREATE DATABASE " + name); // name is [a-z0-9_] by construction
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + server + ": " + e.getMessage(), e);
        }
        Map<String, String> vars = new HashMap<>();
        vars.put("NIGHTJAR_DB_URL", server.substring(0, server.lastIndexOf('/') + 1) + name);
        if (user() != null) vars.put("NIGHTJAR_DB_USER", user());
        if (password() != null) vars.put("NIGHTJAR_DB_PASSWORD", password());
        return vars;
    }

    private static String user() {
        return System.getenv("NIGHTJAR_TEST_PG_USER");
    }

    private static String password() {
        return System.getenv("NIGHTJAR_TEST_PG_PASSWORD");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Skips a test of the PostgreSQL execution when no server is configured, with the reason, so a
     * developer without PostgreSQL still gets a green H2 run from {@code ./build test}.
     */
    public static final class PostgresAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!postgres()) return ConditionEvaluationResult.enabled("H2 execution");
            String url = System.getenv(URL_VAR);
            if (url != null && !url.isBlank()) return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
            return ConditionEvaluationResult.disabled("PostgreSQL half skipped: " + URL_VAR
                    + " is not set (run .ci/run, or source scripts/test-postgres.sh first)");
        }
    }
}
