package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/jdk.sh, which ./nightjar and ./build source: it picks the newest JDK >= 21 and learns each
 * candidate's version from its {@code release} file, starting a JVM only when there is none (every JVM
 * start is ~0.1 s of a command that should answer in well under a second).
 */
class JdkFinderScriptTest {

    @TempDir
    Path tmp;

    @Test
    void picksTheNewestJdkFromReleaseFilesWithoutStartingThem() throws Exception {
        Path a = fakeJdk("jdk-a", "98.0.1");
        Path b = fakeJdk("jdk-b", "99");
        Path c = fakeJdk("jdk-c", null); // no release file: the JVM is asked
        assertThat(find(a, b, c)).isEqualTo(b + " 99");
        assertThat(find(a, c)).isEqualTo(a + " 98");
        assertThat(started(a)).isFalse();
        assertThat(started(b)).isFalse();
        assertThat(find(c)).isEqualTo(c + " 97");
        assertThat(started(c)).isTrue();
    }

    private String find(Path... jdks) throws IOException, InterruptedException {
        StringBuilder dirs = new StringBuilder();
        for (Path j : jdks) dirs.append(j).append(' ');
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ". scripts/jdk.sh && echo \"$JAVA_HOME $NIGHTJAR_JAVA_MAJOR\"");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("NIGHTJAR_JVM_DIRS", dirs.toString().trim());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().reduce((x, y) -> y).orElse("");
    }

    /** A JDK folder whose java and javac only leave a mark; with no release file, java reports version 97. */
    private Path fakeJdk(String name, String releaseVersion) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        if (releaseVersion != null) Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + releaseVersion + "\"\n");
        script(bin.resolve("java"), "touch '" + home.resolve("started") + "'\necho '    java.specification.version = 97' >&2\n");
        script(bin.resolve("javac"), "exit 0\n");
        return home;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean started(Path jdk) {
        return Files.exists(jdk.resolve("started"));
    }
}
