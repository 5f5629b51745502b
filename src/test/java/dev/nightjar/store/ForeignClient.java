package dev.nightjar.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Another local process trying the store, as any user who can read the lock file could: connects with
 * H2's automatic mixed mode (which goes through the running holder's TCP server) and prints {@code OK}
 * or the H2 error code. Run by {@link StoreSecurityTest} in its own JVM.
 */
public final class ForeignClient {
    public static void main(String[] args) {
        String url = "jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE";
        String password = args.length > 1 ? args[1] : "";
        try (Connection c = DriverManager.getConnection(url, "nightjar", password)) {
            c.createStatement().executeQuery("SELECT COUNT(*) FROM documents").next();
            System.out.println("OK");
        } catch (SQLException e) {
            System.out.println("ERROR " + e.getErrorCode());
        }
    }
}
