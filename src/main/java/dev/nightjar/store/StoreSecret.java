package dev.nightjar.store;

import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The password of the embedded store: 32 random bytes, generated when the store is created and kept
 * in {@code <data-dir>/db.secret}, readable by its owner only (0600, in a 0700 directory). Whoever can
 * read that file can read the data directory anyway; nobody else can connect, not even through the
 * loopback server a running `serve` opens.
 *
 * <p>A store created before the secret existed has user {@code nightjar} with an empty password; its
 * first open here gives it a secret ({@code ALTER USER}). The new secret is written to
 * {@code db.secret.new} before the password changes and renamed after, so a crash in between leaves a
 * file that still opens the store.
 */
final class StoreSecret {

    static final String FILE = "db.secret";
    static final String PENDING = "db.secret.new";

    private StoreSecret() {
    }

    static String password(Path dir, String fileUrl) {
        Path secret = dir.resolve(FILE);
        try {
            if (Files.isRegularFile(secret)) return read(secret);
            if (!Files.exists(dir.resolve("nightjar.mv.db"))) {
                OwnerOnly.writeNew(secret, generate());
                return read(secret);
            }
            return secureExistingStore(dir, fileUrl);
        } catch (IOException e) {
            throw new ConfigException("cannot read or write " + secret + " (" + e.getMessage() + ")");
        }
    }

    private static String secureExistingStore(Path dir, String fileUrl) throws IOException {
        Path pending = dir.resolve(PENDING);
        List<String> current = new ArrayList<>(List.of(""));
        if (Files.isRegularFile(pending)) current.add(0, read(pending)); // an earlier attempt may have changed it already
        else OwnerOnly.writeNew(pending, generate());
        String fresh = read(pending);
        SQLException last = null;
        for (String old : current) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(fileUrl + ";AUTO_SERVER=TRUE");
            ds.setUser(StoreConnections.USER);
            ds.setPassword(old);
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // H2 takes no parameter here; the secret is base64url, so it has no quote to escape
                if (!old.equals(fresh)) st.execute("ALTER USER " + StoreConnections.USER + " SET PASSWORD '" + fresh + "'");
                Files.move(pending, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
                return fresh;
            } catch (SQLException e) {
                last = e;
                if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) break;
            }
        }
        throw StoreConnections.unusable(dir, last);
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }
}
