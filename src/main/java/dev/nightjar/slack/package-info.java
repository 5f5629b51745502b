/**
 * The Slack app of {@code nightjar serve}: {@code POST /slack/events}, {@code /slack/commands} and
 * {@code /slack/interactivity} inside the same Spring MVC/Tomcat as the scheduler and {@code /healthz},
 * and the morning-brief delivery tick ({@link dev.nightjar.slack.briefs}).
 *
 * <p>Why not Bolt: Bolt's {@code App} runs as its own servlet beside Spring MVC, answers {@code auth.test}
 * on the way in, and keeps retries, acknowledgements and dedupe in memory. What the issue asks for is
 * mostly what Bolt does not do: "only once" across retries <em>and restarts</em> (a primary key in the
 * store), the work after the 200 on a bounded pool, the asker's e-mail as the ACL and admin identity,
 * and a test clock for the replay window. That leaves Bolt three JSON/form parsers and a 40-line
 * signature check (tested here against Slack's own vector), which is less code than its adapters.
 * Web API calls go through the app's own {@link dev.nightjar.slack.SlackHttp} (OkHttp with Slack's
 * 429/Retry-After rule and short waits, since a person is waiting), not the connectors' client: the nightly
 * job may wait minutes for a rate limit, the app may not.
 */
package dev.nightjar.slack;
