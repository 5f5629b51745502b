/**
 * The sandbox: local servers that speak the five real APIs (Linear GraphQL, GitHub REST, W&B GraphQL,
 * Notion REST, Slack Web API) over an invented company, for {@code nightjar demo} and integration tests.
 *
 * <ul>
 *   <li>{@link dev.nightjar.sandbox.SampleCompany}: Kestrel Commerce, generated from a seed and a clock
 *       (about 60 days back from now); {@code stories()} names the ids of every planted story, and
 *       {@code advance(Instant)} adds another night of changes.</li>
 *   <li>{@link dev.nightjar.sandbox.SandboxServers}: one loopback server per API; {@code env()} and
 *       {@code configFiles()} are what the demo hands the real connectors; {@code requestCount(source)}
 *       for benchmarks; {@code closeOnShutdown()} for Ctrl-C.</li>
 * </ul>
 *
 * <p>Nothing here is used by a production sync; the connectors do not know the sandbox exists.
 */
package dev.nightjar.sandbox;
