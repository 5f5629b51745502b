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
        if (args.length > 0 && args[0].equals("--join")) { // as `nightjar status` would: Database.Sharing.JOIN
            try (Database db = Database.open(java.nio.file.Path.of(args[1]), Database.Sharing.JOIN)) {
                db.jdbc().queryForObject("SELECT COUNT(*) FROM documents", Integer.class);
                System.out.println("OK");
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e.getMessage());
            }
            return;
        }
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
