package dev.nightjar.store;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import java.util.Locale;

/**
 * Which database holds the store: the embedded H2 file in the data directory (the default), or an
 * external database several nodes share (PostgreSQL 15+).
 * <p>
 * Resolved from the environment first ({@code NIGHTJAR_DB_URL}, {@code NIGHTJAR_DB_USER},
 * {@code NIGHTJAR_DB_PASSWORD}), then from {@code database.yml} in the config directory (keys {@code url},
 * {@code user}, {@code password}); each value separately, so a file can hold the URL and the environment
 * the password. No URL anywhere = embedded H2. The password is never part of {@link #toString()} or of
 * any message.
 *
 * @param url      a JDBC URL ({@code jdbc:postgresql://host:5432/nightjar}), or null for embedded H2
 * @param user     the database user, null for the driver's default
 * @param password the user's password, null when the server asks for none
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String FILE = "database.yml";
    public static final String URL_VAR = "NIGHTJAR_DB_URL";
    public static final String USER_VAR = "NIGHTJAR_DB_USER";
    public static final String PASSWORD_VAR = "NIGHTJAR_DB_PASSWORD";

    /** The embedded H2 store in the data directory. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings(null, null, null);
    }

    /** {@code database.yml} as written by a user. */
    record File(String url, String user, String password) {
    }

    /**
     * The settings from {@code env} over {@code config}'s {@code database.yml}.
     *
     * @throws ConfigException a malformed file, or a URL that is not a JDBC URL of a supported database
     */
    public static DatabaseSettings resolve(Environment env, ConfigDir config) {
        File file = config.readYaml(FILE, File.class).orElse(new File(null, null, null));
        String url = env.find(URL_VAR).orElse(blankToNull(file.url()));
        String user = env.find(USER_VAR).orElse(blankToNull(file.user()));
        String password = env.find(PASSWORD_VAR).orElse(file.password());
        DatabaseSettings settings = new DatabaseSettings(blankToNull(url), user, password);
        settings.vendor(); // fail early, with the variable's name, on a URL we cannot open
        return settings;
    }

    /** True for a database outside the data directory (shared by nodes); false for embedded H2. */
    public boolean external() {
        return url != null;
    }

    /** Flyway's and Quartz's name of the database: {@code h2} or {@code postgresql}. */
    public String vendor() {
        if (url == null) return "h2";
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) return "postgresql";
        if (lower.startsWith("jdbc:h2:")) return "h2";
        throw new ConfigException(URL_VAR + " must be a JDBC URL of PostgreSQL (jdbc:postgresql://host:5432/db), not '"
                + redacted() + "'");
    }

    /** The URL without anything after '?' or ';' (where drivers accept a password), for messages. */
    public String redacted() {
        if (url == null) return "embedded H2";
        int cut = url.length();
        for (char c : new char[]{'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) cut = i;
        }
        return url.substring(0, cut) + (cut < url.length() ? "?…" : "");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + redacted() + (user == null ? "" : ", user " + user) + (password == null ? "" : ", password set") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
