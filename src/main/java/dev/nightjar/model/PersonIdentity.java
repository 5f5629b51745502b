package dev.nightjar.model;

/**
 * One person's account in one source, as the source reports it. People are joined across sources by
 * e-mail, and by the aliases in {@code index/people.yml} where a source gives no e-mail.
 *
 * @param source   linear, github, wandb, notion, slack
 * @param handle   the source's stable id or login (Slack member id, GitHub login, Linear user id)
 * @param email    e-mail when the source gives it, else null
 * @param timeZone IANA zone when known (Slack profile), else null
 */
public record PersonIdentity(String source, String handle, String email, String name, String timeZone) {

    /** {@code source:handle}, the form used in {@link Document#author()} and ACLs. */
    public String identity() {
        return source + ":" + handle;
    }
}
