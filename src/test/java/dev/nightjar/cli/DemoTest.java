package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nightjar demo` end to end: sandbox servers, the real connectors and job, a brief and cited answers. */
class DemoTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoSyncsTheSandboxAndShowsACitedBriefAndAnswers() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
        SampleCompany.Stories stories = SampleCompany.generate(clock).stories();
        // the global option after the command, as the README shows it
        CliRunner.Result r = CliRunner.run(null, null, clock, Map.of(), "demo", "--data-dir", tmp.resolve("demo").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out();

        // the real job read all five sources
        for (String source : new String[]{"linear", "github", "wandb", "notion", "slack"}) {
            assertThat(out).containsPattern(source + "\\s+COMPLETED\\s+[1-9]");
        }
        // the brief: last night's crashed run and the overnight review asking for changes, cited
        String brief = out.substring(out.indexOf("== Morning brief"), out.indexOf("== nightjar ask"));
        assertThat(brief).containsPattern("Run \\S+ crashed").contains("/runs/" + stories.crashedRunName())
                .contains("Changes requested on #" + stories.changesRequestedPr())
                .contains("https://wandb.ai/kestrel/search-ranker/runs/");
        // where do we stand: the canonical launch date and metric target, the blocker chain, cited
        String status = out.substring(out.indexOf("== nightjar ask \"Where do we stand"));
        assertThat(status).contains("Launch date " + stories.canonicalLaunchDate() + ", per the canonical Neural reranker PRD")
                .contains("ndcg@10")
                .contains(String.join("", stories.blockerChain().subList(stories.blockerChain().size() - 1, stories.blockerChain().size())))
                .contains("(notion, canonical) https://");
        assertThat(status.substring(0, status.indexOf("Sources"))).doesNotContain("Launch date " + stories.draftLaunchDate());
        // the scratchpad note proposing another date is reported as a conflict with the canonical PRD
        assertThat(status.substring(0, status.indexOf("Sources"))).contains("**Conflicts**").contains(stories.scratchpadLaunchDate().toString());
        // why did we: the decision with its why; the superseded draft is named but never quoted
        String why = out.substring(out.indexOf("== nightjar ask \"Why did we"), out.indexOf("== nightjar ask \"What is blocking"));
        assertThat(why).contains("Decision: go with hybrid BM25+dense; why: dense-only loses");
        assertThat(why.substring(0, why.indexOf("Sources"))).doesNotContain(stories.draftLaunchDate().toString());
        assertThat(out).contains("Demo finished in").contains("Try next:");
        // "Try next" names real people of the sandbox, so a new user can run brief and prep at once
        SampleCompany company = SampleCompany.generate(clock);
        List<SampleCompany.Person> team = company.people.stream().filter(p -> p.team().equals(DemoShowcase.TEAM)).toList();
        String next = out.substring(out.indexOf("Try next:"));
        assertThat(next).contains(" brief --person " + team.get(0).email() + " ")
                .contains(" prep --with " + team.get(1).email() + " --as " + team.get(0).email() + " ")
                .contains(" show " + stories.blockerChain().get(stories.blockerChain().size() - 1) + "\n");
        company.people.forEach(p -> assertThat(next).contains(p.email()));

        if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(tmp.resolve("demo"))))
                        .as("the demo's data dir holds private threads too").isEqualTo("rwx------");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        // afterwards: explored without any token; sync says in one line that the sandbox is gone, at once
        Path data = tmp.resolve("demo"), config = data.resolve("demo-config");
        assertThat(CliRunner.run(config, data, clock, Map.of(), "status").exit()).isZero();
        // each line of "Try next" works as printed
        for (String line : next.lines().filter(l -> l.startsWith("  ./nightjar ")).toList()) {
            String command = line.substring(line.indexOf(config.toAbsolutePath().toString()) + config.toAbsolutePath().toString().length()).strip();
            if (command.contains("   (")) command = command.substring(0, command.indexOf("   ("));
            CliRunner.Result tried = CliRunner.run(config, data, clock, Map.of(), words(command));
            assertThat(tried.exit()).as(line + "\n" + tried.err()).isZero();
        }
        CliRunner.Result ask = CliRunner.run(config, data, clock, Map.of(), "ask", "Where do we stand on the neural reranker launch?");
        assertThat(ask.exit()).as(ask.err()).isZero();
        assertThat(ask.out()).contains("Launch date " + stories.canonicalLaunchDate());
        long start = System.nanoTime();
        CliRunner.Result sync = CliRunner.run(config, data, clock, SandboxServers.TOKENS, "sync");
        assertThat(sync.exit()).isEqualTo(Cli.USAGE);
        assertThat(sync.err().lines()).singleElement().asString().contains("sandbox servers stopped when `nightjar demo` ended")
                .contains("nightjar demo --data-dir " + data.toAbsolutePath());
        assertThat(System.nanoTime() - start).as("no retries against dead ports").isLessThan(10_000_000_000L);
    }

    /** A printed command line's words: spaces split them, double quotes group them. */
    private static String[] words(String command) {
        List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        return words.toArray(String[]::new);
    }
}
