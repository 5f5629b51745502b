package dev.nightjar.connectors;

/**
 * One object the source would not give us although the rest of the source is fine: a Notion block whose
 * children the API does not support (400 {@code validation_error}), an empty GitHub repository (409 on
 * {@code /commits}), a Slack channel the app is not in. The stream reads on past it; the job counts it,
 * names it once in the run's report and `status` shows it.
 *
 * @param object what could not be read, in the source's own words ({@code repo acme/empty commits},
 *               {@code block 1f2e… children})
 * @param reason why, as the API said it ({@code HTTP 409 Git Repository is empty.})
 */
public record Unreadable(String object, String reason) {

    /** The note for an {@link ObjectUnavailableException}. */
    public static Unreadable of(String object, ObjectUnavailableException e) {
        return new Unreadable(object, e.reason());
    }
}
