package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store boundary: {@code dev.nightjar.store} (and the Flyway migrations in {@code db.migration}) is the
 * only code that speaks SQL or JDBC. Everything else reads and writes through the store's typed classes
 * (documents, queries, ledgers, run lock), so a schema change is a change in one package.
 *
 * <p>A source scan rather than a bytecode rule: SQL text in a string literal is what the boundary is about,
 * and only the source shows it. It flags, outside the store: imports or qualified uses of {@code java.sql},
 * {@code javax.sql} and Spring JDBC; calls to {@link Database#jdbc()} and {@link Database#tx()}; and string
 * literals that read as SQL.
 */
class StoreBoundaryTest {

    private static final Path MAIN = Path.of("src/main/java");

    /**
     * The framework hand-off: Spring Batch needs the pool as a {@code DataSource} bean and a transaction
     * manager over it, to keep its own job tables. Handing the pool over is allowed; issuing a statement is not.
     */
    private static final Map<String, Set<String>> HAND_OFF = Map.of(
            "dev/nightjar/jobs/PipelineConfiguration.java",
            Set.of("import javax.sql.DataSource;", "import org.springframework.jdbc.datasource.DataSourceTransactionManager;"));

    private static final Pattern JDBC_CODE = Pattern.compile(
            "\\b(java\\.sql|javax\\.sql|org\\.springframework\\.jdbc)\\.|\\bJdbcTemplate\\b|\\.jdbc\\(\\)|\\.tx\\(\\)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    /** SQL as the project writes it: upper-case keywords, with a column condition or a statement's head. */
    private static final Pattern SQL_TEXT = Pattern.compile(
            "\\bSELECT\\b.*\\bFROM\\b|\\bINSERT INTO\\b|\\bDELETE FROM\\b|\\bUPDATE \\w+ SET\\b|\\bMERGE INTO\\b|\\bIS (NOT )?NULL\\b"
                    + "|\\b\\w+ (LIKE|IN) [?(]|\\b\\w+ = '|\\bORDER BY\\b|\\bGROUP BY\\b");

    @Test
    void onlyTheStoreSpeaksSqlOrJdbc() {
        assertThat(violations(MAIN)).as("SQL or JDBC outside dev.nightjar.store and db.migration").isEmpty();
    }

    @Test
    void theScanFindsEachKindOfBreach(@TempDir Path root) throws IOException {
        write(root, "dev/nightjar/skills/Raw.java", """
                package dev.nightjar.skills;
                import java.sql.ResultSet;
                class Raw {
                    // SELECT in a comment is prose, not a breach
                    Object a(dev.nightjar.store.Database db) { return db.jdbc(); }
                    Object b(dev.nightjar.store.DocumentStore s) { return s.query("source = 'linear' AND deleted_at IS NULL"); }
                    String c = "SELECT id FROM documents";
                    String d = "Nothing is selected from anything here";
                }
                """);
        write(root, "dev/nightjar/store/Fine.java", "class Fine { String s = \"SELECT 1 FROM documents\"; }\n");
        write(root, "db/migration/V9__x.java", "class V9 { String s = \"INSERT INTO t VALUES (1)\"; }\n");

        assertThat(violations(root)).containsExactly(
                "dev/nightjar/skills/Raw.java:2: import java.sql.ResultSet;",
                "dev/nightjar/skills/Raw.java:5: Object a(dev.nightjar.store.Database db) { return db.jdbc(); }",
                "dev/nightjar/skills/Raw.java:6: Object b(dev.nightjar.store.DocumentStore s) { return s.query(\"source = 'linear' AND deleted_at IS NULL\"); }",
                "dev/nightjar/skills/Raw.java:7: String c = \"SELECT id FROM documents\";");
    }

    @Test
    void theHandOffAllowsOnlyItsImports(@TempDir Path root) throws IOException {
        write(root, "dev/nightjar/jobs/PipelineConfiguration.java", """
                import javax.sql.DataSource;
                import org.springframework.jdbc.datasource.DataSourceTransactionManager;
                import org.springframework.jdbc.core.JdbcTemplate;
                """);
        assertThat(violations(root)).containsExactly(
                "dev/nightjar/jobs/PipelineConfiguration.java:3: import org.springframework.jdbc.core.JdbcTemplate;");
    }

    /** Each breach as {@code path:line: text}, in path and line order. */
    static List<String> violations(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (rel.startsWith("dev/nightjar/store/") || rel.startsWith("db/migration/")) continue;
                Set<String> allowed = HAND_OFF.getOrDefault(rel, Set.of());
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (allowed.contains(line) || isComment(line)) continue;
                    if (breaks(line)) out.add(rel + ":" + (i + 1) + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean breaks(String line) {
        Matcher literal = STRING_LITERAL.matcher(line);
        while (literal.find()) if (SQL_TEXT.matcher(literal.group()).find()) return true;
        String code = STRING_LITERAL.matcher(line).replaceAll("\"\"");
        int comment = code.indexOf("//");
        if (comment >= 0) code = code.substring(0, comment);
        return JDBC_CODE.matcher(code).find();
    }

    private static boolean isComment(String line) {
        return line.startsWith("//") || line.startsWith("*") || line.startsWith("/*");
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
