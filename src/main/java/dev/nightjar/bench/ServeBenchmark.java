package dev.nightjar.bench;

import dev.nightjar.Workspace;
import dev.nightjar.slack.SlackSignature;
import dev.nightjar.slack.SlashCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} under load from a second process on loopback: a store of N synthetic documents, the
 * served app started as its own JVM ({@code nightjar serve}, pointed at a loopback Slack stand-in),
 * then signed Events API app mentions and {@code /nightjar ask} slash commands from {@code concurrency}
 * client threads, under one or both load models ({@link Model}). Acknowledgement latency is the HTTP
 * round trip of each request; answer latency runs from sending the request to the answer's arrival at
 * the Slack stand-in (so it includes any queue in front of the app's Slack workers).
 */
final class ServeBenchmark {

    static final String SECRET = "bench-signing-secret";
    static final String BOT = "U0NJBENCH";
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");
    /** How long a closed-loop client waits for one answer before counting it unanswered and sending the next. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);
    /**
     * This run's start (epoch seconds), in every event id and message ts: a reused store has already
     * answered the previous run's events, and the app rightly refuses an event id it has seen.
     */
    private static final long RUN = Instant.now().getEpochSecond();

    /** How the clients pace themselves. */
    enum Model {
        /** Each client waits for its answer to reach the stand-in before sending the next: {@code concurrency} answers in flight. */
        closed,
        /** Each client sends its next request as soon as the previous one is acknowledged: answers queue in the server. */
        open;

        String describe(int concurrency) {
            return this == closed ? "closed loop: " + concurrency + " clients, each waits for its answer before the next request"
                    : "open flood: " + concurrency + " clients, each sends its next request as soon as the last is acknowledged";
        }
    }

    /** Every model's run on one store. */
    record Result(int docs, List<Run> runs) {

        /** The load runs' tables for BENCHMARKS.md: p50, p99 and max of each latency, in milliseconds. */
        String markdown() {
            StringBuilder md = new StringBuilder();
            for (Run run : runs) md.append(run.markdown(docs)).append('\n');
            return md.toString();
        }
    }

    /** One model's run. Latencies in milliseconds, sorted; one array per request kind. */
    record Run(String served, Model model, int requests, int concurrency, double seconds, double[] eventAcks, double[] commandAcks,
               double[] eventAnswers, double[] commandAnswers, int failed, int busy, int unanswered) {

        String markdown(int docs) {
            StringBuilder md = new StringBuilder();
            md.append(String.format("serve under load (%s), %s: %,d documents, %,d signed requests (half app mentions, half `/nightjar ask`), "
                    + "%.1f s (%.1f answers/s), %d failed, %d refused busy, %d unanswered%n%n", served, model.describe(concurrency), docs, requests,
                    seconds, (eventAnswers.length + commandAnswers.length) / seconds, failed, busy, unanswered));
            md.append("| latency (ms) | p50 | p99 | max | n |\n|---|---|---|---|---|\n");
            row(md, "acknowledgement, app mention (Events API)", eventAcks);
            row(md, "acknowledgement, `/nightjar ask` (slash command)", commandAcks);
            row(md, "answer posted, app mention (`chat.postMessage` in the thread)", eventAnswers);
            row(md, "answer posted, `/nightjar ask` (`response_url`)", commandAnswers);
            return md.toString();
        }

        private static void row(StringBuilder md, String what, double[] sorted) {
            if (sorted.length == 0) {
                md.append("| ").append(what).append(" | - | - | - | 0 |\n");
                return;
            }
            md.append(String.format("| %s | %.1f | %.1f | %.1f | %d |%n", what, IndexBenchmark.percentile(sorted, 50),
                    IndexBenchmark.percentile(sorted, 99), sorted[sorted.length - 1], sorted.length));
        }
    }

    private final Path dir;
    private final int docs;
    private final int requests;
    private final int concurrency;
    private final List<Model> models;
    /** Builds to serve in turn on the same store; empty: serve from this process's own jar or class path. */
    private final List<Path> serveJars;

    /**
     * Requests sent before the measured ones, answered and not counted. Why 1,000 (200 before): JFR showed the
     * serving JVM still compiling hot methods (C2, ~9 s of compiler CPU) through a measured run that followed 200,
     * on the same two cores as the answers, so the figures mixed warm-up into a steady state a running serve is in.
     */
    private final int warmUp;

    ServeBenchmark(Path dir, int docs, int requests, int concurrency, List<Model> models, List<Path> serveJars, int warmUp) {
        this.warmUp = warmUp;
        this.serveJars = serveJars;
        this.dir = dir;
        this.docs = docs;
        this.requests = requests;
        this.concurrency = concurrency;
        this.models = models;
    }

    Result run(PrintWriter log) throws Exception {
        Path root = dir.resolve("serve");
        writeConfig(root.resolve("config"));
        Instant now = storeOf(root, log);
        List<String> questions = new SyntheticCorpus(99, now).queries(200);
        List<Run> runs = new ArrayList<>();
        try (SlackStandIn slack = new SlackStandIn()) {
            int series = 0;   // each load of each served build has its own keys at the stand-in
            for (Path jar : serveJars.isEmpty() ? java.util.Collections.<Path>singletonList(null) : serveJars) {
                Process serve = startServe(root, slack, jar);
                try {
                    String base = "http://127.0.0.1:" + awaitPort(serve);
                    String served = jar == null ? "this build" : jar.toString();
                    log.printf("  serve (%s): up at %s; %d warm-up requests, then %,d at %d concurrent per model %s...%n", served, base,
                            warmUp, requests, concurrency, models);
                    log.flush();
                    Load warming = new Load(base, slack, questions, series++, warmUp, Model.closed, served);
                    warming.drive();
                    warming.awaitAnswers(Duration.ofSeconds(300));
                    for (Model model : models) {
                        Load load = new Load(base, slack, questions, series++, requests, model, served);
                        long t = System.nanoTime();
                        load.drive();
                        load.awaitAnswers(Duration.ofSeconds(300));
                        runs.add(load.result((System.nanoTime() - t) / 1e9));
                        log.printf("  serve (%s): %s done, load average %.1f%n", served, model,
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                        log.flush();
                    }
                } finally {
                    serve.destroy();
                    if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly();
                }
            }
        }
        return new Result(docs, runs);
    }

    /**
     * The store the served builds share: the one a previous run left in a kept {@code --work-dir} when it
     * holds the same number of documents (its marker file names the count and the time it was built),
     * else a fresh one. Reuse saves the ingest (~8 min at 100k documents) when profiling one build after another.
     *
     * @return the instant the synthetic corpus was stamped with, which the questions are drawn from
     */
    private Instant storeOf(Path root, PrintWriter log) throws Exception {
        Path marker = root.resolve("data/bench-store.txt");
        if (Files.isRegularFile(marker)) {
            String[] kept = Files.readString(marker).trim().split(" ");
            if (kept.length == 2 && kept[0].equals(Integer.toString(docs))) {
                log.printf("  serve: reusing the store of %,d documents in %s%n", docs, root);
                log.flush();
                return Instant.parse(kept[1]);
            }
        }
        log.printf("  serve: storing and indexing %,d documents...%n", docs);
        log.flush();
        Instant now = Instant.now();
        // a kept store of another size is built again from empty
        if (Files.isDirectory(root.resolve("data"))) BenchCommand.deleteTree(root.resolve("data"));
        try (Workspace ws = IndexBenchmark.ingestOurs(root, docs, now, new double[2], true)) {
            // a completed run just now, so start-up has no missed nightly run to catch up on
            ws.runs().finish(ws.runs().start(now, true, ""), "COMPLETED", now, null);
        }
        Files.writeString(marker, docs + " " + now + "\n");
        return now;
    }

    private static void writeConfig(Path config) throws IOException {
        Files.createDirectories(config.resolve("connectors"));
        Files.createDirectories(config.resolve("jobs"));
        Files.writeString(config.resolve("connectors/slack.yml"), "enabled: true\ntoken-env: SLACK_BOT_TOKEN\n"
                + "signing-secret-env: SLACK_SIGNING_SECRET\nchannels: [bench]\nscratchpad-channels: []\nadmins: []\n");
        // no sources: the scheduler runs, but nothing is pulled during the load run
        Files.writeString(config.resolve("jobs/nightly.yml"), "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: []\n");
    }

    /** {@code nightjar serve} in its own JVM, from {@code jar} or else the same jar (or class path) as this process. */
    private static Process startServe(Path root, SlackStandIn slack, Path jar) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String classPath = System.getProperty("java.class.path");
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "dev.nightjar.cli.Main"));
        }
        command.addAll(List.of("--data-dir", root.resolve("data").toString(), "--config-dir", root.resolve("config").toString(),
                "serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
        pb.environment().put("SLACK_BOT_TOKEN", "xoxb-bench");
        pb.environment().put("NIGHTJAR_SLACK_BASE_URL", slack.apiUrl());
        return pb.start();
    }

    /** Reads the child's output until it says where it serves; the rest of its output is drained in the background. */
    private static int awaitPort(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("serve exited before serving:\n" + seen);
    }

    /** One bounded run: {@code count} requests, alternately an app mention and a slash command, from {@code concurrency} clients. */
    private final class Load {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final SlackSignature signer = new SlackSignature(SECRET, Clock.systemUTC());
        private final String base;
        private final SlackStandIn slack;
        private final List<String> questions;
        private final int series;
        private final String served;
        private final Model model;
        private final long[] sentAt;
        private final double[] ackMs;
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger busy = new AtomicInteger();

        Load(String base, SlackStandIn slack, List<String> questions, int series, int count, Model model, String served) {
            this.base = base;
            this.slack = slack;
            this.questions = questions;
            this.series = series;
            this.served = served;
            this.model = model;
            this.sentAt = new long[count];
            this.ackMs = new double[count];
        }

        void drive() throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            for (int c = 0; c < concurrency; c++) {
                clients.execute(() -> {
                    for (int i; (i = next.getAndIncrement()) < sentAt.length; ) {
                        if (send(i) && model == Model.closed) awaitOne(i);
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.MINUTES);
        }

        private void awaitOne(int i) {
            try {
                slack.awaitAnswer(key(i), ANSWER_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** @return true when the request was taken on (acknowledged 200, not refused as busy) */
        private boolean send(int i) {
            String question = questions.get(i % questions.size());
            boolean event = i % 2 == 0;
            String contentType = event ? "application/json" : "application/x-www-form-urlencoded";
            String body = event ? mention(i, question) : slash(i, question);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + (event ? "/slack/events" : "/slack/commands")))
                    .header("Content-Type", contentType).header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", signer.sign(timestamp, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
            sentAt[i] = System.nanoTime();
            try {
                HttpResponse<String> ack = http.send(request, HttpResponse.BodyHandlers.ofString());
                ackMs[i] = (System.nanoTime() - sentAt[i]) / 1e6;
                // a full worker queue: 503 to an event (Slack delivers it again), a "busy" acknowledgement to a command
                if (ack.statusCode() == 503 || ack.statusCode() == 200 && ack.body().contains(SlashCommands.BUSY)) {
                    busy.incrementAndGet();
                    return false;
                }
                if (ack.statusCode() == 200) return true;
            } catch (IOException e) {
                ackMs[i] = (System.nanoTime() - sentAt[i]) / 1e6;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            failed.incrementAndGet();
            return false;
        }

        private String key(int i) {
            return i % 2 == 0 ? String.format("%d.%02d%06d", RUN, series, i) : "r" + RUN + "-" + series + "-" + i;
        }

        private String mention(int i, String question) {
            String ts = key(i);
            return "{\"type\":\"event_callback\",\"event_id\":\"Ev" + RUN + "-" + series + "-" + i + "\",\"authorizations\":[{\"user_id\":\"" + BOT + "\"}],"
                    + "\"event\":{\"type\":\"app_mention\",\"user\":\"U0ASKER" + (i % 20) + "\",\"channel\":\"C0BENCH\",\"ts\":\"" + ts
                    + "\",\"event_ts\":\"" + ts + "\",\"text\":\"<@" + BOT + "> where do we stand on " + question + "?\"}}";
        }

        private String slash(int i, String question) {
            return "command=" + enc("/nightjar") + "&text=" + enc("ask where do we stand on " + question + "?") + "&user_id=U0ASKER" + (i % 20)
                    + "&channel_id=C0BENCH&response_url=" + enc(slack.responseUrl(key(i)));
        }

        void awaitAnswers(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && unanswered() > 0) Thread.sleep(50);
        }

        private int unanswered() {
            int missing = 0;
            for (int i = 0; i < sentAt.length; i++) if (slack.answeredAt(key(i)) == null) missing++;
            return missing - busy.get() - failed.get();   // taken on, never answered
        }

        Run result(double seconds) {
            List<Double> eventAcks = new ArrayList<>(), commandAcks = new ArrayList<>(), eventAnswers = new ArrayList<>(),
                    commandAnswers = new ArrayList<>();
            for (int i = 0; i < sentAt.length; i++) {
                (i % 2 == 0 ? eventAcks : commandAcks).add(ackMs[i]);
                Long at = slack.answeredAt(key(i));
                if (at != null) (i % 2 == 0 ? eventAnswers : commandAnswers).add((at - sentAt[i]) / 1e6);
            }
            return new Run(served, model, sentAt.length, concurrency, seconds, sorted(eventAcks), sorted(commandAcks), sorted(eventAnswers),
                    sorted(commandAnswers), failed.get(), busy.get(), unanswered());
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
