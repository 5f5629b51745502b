package dev.nightjar.slack;

import dev.nightjar.config.Durations;
import java.time.Duration;
import java.util.Optional;

/**
 * The arguments of {@code /nightjar prep}: {@code --with EMAIL} or {@code --project NAME} (the name may
 * have spaces: it runs to the next option), and {@code --since DURATION}. Slack shows an e-mail as
 * {@code <mailto:a@b|a@b>}; that wrapping is taken off.
 */
record PrepRequest(String with, String project, Optional<Duration> since) {

    /** Empty when the text is not a prep request (neither or both of --with and --project, a bad duration). */
    static Optional<PrepRequest> parse(String text) {
        String[] words = text.strip().split("\\s+");
        String with = null, since = null;
        StringBuilder project = null;
        for (int i = 0; i < words.length; i++) {
            switch (words[i]) {
                case "--with" -> with = i + 1 < words.length ? unwrap(words[++i]) : null;
                case "--since" -> since = i + 1 < words.length ? words[++i] : null;
                case "--project" -> project = new StringBuilder();
                default -> {
                    if (project == null || words[i].startsWith("--")) return Optional.empty();
                    project.append(project.isEmpty() ? "" : " ").append(words[i]);
                }
            }
        }
        boolean hasProject = project != null && !project.isEmpty();
        if ((with == null) == !hasProject) return Optional.empty();
        try {
            return Optional.of(new PrepRequest(with, hasProject ? project.toString() : null,
                    since == null ? Optional.empty() : Optional.of(Durations.parse(since, "--since"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String unwrap(String email) {
        String e = email.startsWith("<mailto:") && email.endsWith(">") ? email.substring(8, email.length() - 1) : email;
        return e.contains("|") ? e.substring(e.indexOf('|') + 1) : e;
    }
}
