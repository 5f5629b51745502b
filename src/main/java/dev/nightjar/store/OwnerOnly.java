package dev.nightjar.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only permissions for what the data directory holds (private Slack threads, the database
 * secret): directories {@code rwx------} (0700), files {@code rw-------} (0600). On a file system
 * without POSIX permissions (Windows) these are no-ops: there the directory's ACL inherited from the
 * user's profile decides.
 */
public final class OwnerOnly {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} and any missing parents; the ones created here are 0700 whatever the umask. */
    public static void createDirectories(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        // createDirectories applies the attribute to every directory it creates, masked by the umask;
        // 0700 has no bits a umask would remove.
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(DIR);
        Files.createDirectories(dir, attr);
    }

    /**
     * Restricts an existing file to its owner; missing files are ignored. A file this process may not
     * change (another user's store it can read) is left as it is, but never silently: the store holds
     * private threads, so the operator is told which file others may still read.
     */
    static void restrictFile(Path file) {
        if (!posix() || !Files.isRegularFile(file)) return;
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) { // posix() above: the file system has POSIX permissions, only this file may refuse
            log.warn("could not make {} readable by its owner only ({}); check its owner and mode (chmod 600)", file, e.getMessage());
        }
    }

    /** Writes {@code text} to a new owner-only file (created 0600 before any byte is written). */
    static void writeNew(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        Files.writeString(file, text);
    }
}
