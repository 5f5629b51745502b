package dev.nightjar.store;

import dev.nightjar.config.ConfigException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies an embedded store (the H2 file of a data directory) into an empty external database that
 * Flyway has already brought to the same schema: every row of every Nightjar table — documents and
 * their versions, links, people, cursors, canonical marks and their audit, run history, decisions,
 * the LLM ledger and cache, Slack ledgers — keeping ids, then moves the identity columns past the
 * copied ids. Each table is verified by counting rows on both sides.
 * <p>
 * Not copied, on purpose: Flyway's history (the target has its own), Spring Batch's tables (only an
 * interrupted run needs them, and {@link #copy} refuses a store with one) and Quartz's tables (the
 * schedule is rebuilt from {@code jobs/nightly.yml} when a node starts).
 */
public final class StoreMigration {

    /** Rows per INSERT batch: large enough to amortise round trips, small enough for the largest bodies. */
    private static final int BATCH = 500;

    /** One table's row counts, source and target after the copy. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    private final Database from;
    private final Database to;

    public StoreMigration(Database from, Database to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Copies every table and returns the counts, in copy order.
     *
     * @throws ConfigException the target already holds documents or runs, or the source has an interrupted run
     */
    public List<TableCount> copy() {
        Long targetRows = to.jdbc().queryForObject("SELECT (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM sync_runs)", Long.class);
        if (targetRows != null && targetRows > 0) {
            throw new ConfigException("the target database already holds a store (" + targetRows
                    + " documents and runs); migrate into an empty database");
        }
        Integer interrupted = from.jdbc().queryForObject("SELECT COUNT(*) FROM sync_runs WHERE status = 'STARTED'", Integer.class);
        if (interrupted != null && interrupted > 0) {
            throw new ConfigException("the embedded store has an interrupted sync; finish it with `nightjar sync` first, then migrate");
        }
        List<TableCount> counts = new ArrayList<>();
        try (Connection src = from.dataSource().getConnection(); Connection dst = to.dataSource().getConnection()) {
            dst.setAutoCommit(false);
            for (String table : tablesInCopyOrder(src)) {
                copyTable(src, dst, table);
                resetIdentity(dst, table);
                counts.add(new TableCount(table, count(src, table), count(dst, table)));
            }
            dst.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("migration failed, nothing was committed: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Nightjar's own tables, parents before the tables whose foreign keys point at them. */
    static List<String> tablesInCopyOrder(Connection src) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData meta = src.getMetaData();
        try (ResultSet rs = meta.getTables(null, "PUBLIC", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                // change_feed_lock is a lock row every migration seeds, not data
                if (!table.startsWith("batch_") && !table.startsWith("qrtz_") && !table.equals("flyway_schema_history")
                        && !table.equals("change_feed_lock")) {
                    parents.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (String table : parents.keySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, "PUBLIC", table.toUpperCase(Locale.ROOT))) {
                while (rs.next()) parents.get(table).add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            for (var e : parents.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue().stream().filter(parents::containsKey).toList())) {
                    ordered.add(e.getKey());
                }
            }
        }
        return ordered;
    }

    private static void copyTable(Connection src, Connection dst, String table) throws SQLException {
        try (Statement read = src.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
            try (PreparedStatement write = dst.prepareStatement(insert)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) write.setObject(i, rs.getObject(i), md.getColumnType(i));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) write.executeBatch();
            }
        }
    }

    /** Copied ids were explicit: move the table's identity past them so the next insert does not collide. */
    private void resetIdentity(Connection dst, String table) throws SQLException {
        if (!hasIdentityId(dst, table)) return;
        long next;
        try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement st = dst.createStatement()) {
            st.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next); // PostgreSQL and H2 alike
        }
    }

    private boolean hasIdentityId(Connection dst, String table) throws SQLException {
        try (ResultSet rs = dst.getMetaData().getColumns(null, null, "postgresql".equals(to.vendor()) ? table : table.toUpperCase(Locale.ROOT),
                "postgresql".equals(to.vendor()) ? "id" : "ID")) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
