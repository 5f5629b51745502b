package dev.nightjar.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether the database already has every migration this build ships. Flyway takes seconds to start
 * (it builds its whole configuration and scans the classpath), which dominated every CLI command; the
 * newest applied version in Flyway's own history table, compared with the newest migration file on the
 * classpath, answers the same question in milliseconds. Anything unusual (no history table, a failed
 * migration, an unreadable classpath) falls back to running Flyway.
 */
final class SchemaVersion {

    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9_.]*)__.*");

    /**
     * The newest migration this build ships, the same for every database. A constant rather than a classpath
     * scan on every open: the scan read the jar's whole entry list, ~25 ms of a cold `ask` (JFR samples).
     * {@code SchemaVersionTest} compares it with the files, so a new migration cannot leave it behind.
     */
    static final String NEWEST_SHIPPED = "9";

    private SchemaVersion() {
    }

    /** Where the migrations that differ per database live: {@code db/vendor/h2}, {@code db/vendor/postgresql}. */
    static String vendorLocation(String vendor) {
        return "db/vendor/" + vendor;
    }

    static boolean isCurrent(DataSource dataSource, String vendor) {
        // vendor: every database ships the same version sequence (SchemaVersionTest), so the newest is one constant
        try {
            MigrationVersion shipped = MigrationVersion.fromVersion(NEWEST_SHIPPED);
            MigrationVersion applied = newestApplied(dataSource);
            return shipped != null && applied != null && applied.compareTo(shipped) >= 0;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The newest migration file on the class path for {@code vendor}: what {@link #NEWEST_SHIPPED} must equal. */
    static MigrationVersion newestShipped(String vendor) throws IOException {
        MigrationVersion newest = null;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        java.util.List<Resource> shipped = new java.util.ArrayList<>(java.util.List.of(resolver.getResources("classpath*:db/migration/V*")));
        shipped.addAll(java.util.List.of(resolver.getResources("classpath*:" + vendorLocation(vendor) + "/V*")));
        for (Resource r : shipped) {
            Matcher m = VERSIONED.matcher(r.getFilename() == null ? "" : r.getFilename());
            if (!m.matches()) continue;
            MigrationVersion v = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
            if (newest == null || v.compareTo(newest) > 0) newest = v;
        }
        return newest;
    }

    private static MigrationVersion newestApplied(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            if (!historyExists(c)) return null;
            MigrationVersion newest = null;
            try (ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) return null; // a failed migration: let Flyway report it
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    if (newest == null || v.compareTo(newest) > 0) newest = v;
                }
            }
            return newest;
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return rs.next();
        }
    }
}
