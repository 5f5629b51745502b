package dev.nightjar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.RequestStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress of `sync`/`demo`: plain lines for a log (changed sources only, not too often), a redrawn line on a terminal. */
class PipelineProgressTest {

    final AtomicLong now = new AtomicLong();
    final RequestStats github = new RequestStats();

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void plainLinesNameDocumentsRequestsAndWaitsAtMostEveryFiveSeconds() {
        StringWriter text = new StringWriter();
        PipelineProgress progress = PipelineProgress.lines(new PrintWriter(text), now::get);
        github.request();
        progress.page("github", 100, github);
        assertThat(text.toString()).as("not before the first interval").isEmpty();
        advance(Duration.ofSeconds(6));
        github.request();
        github.retry(); // a 429 honoured: one wait
        progress.page("github", 50, github);
        assertThat(text.toString()).isEqualTo("sync: github: 150 records read, 2 requests, 1 waits\n");
        advance(Duration.ofSeconds(1));
        progress.page("github", 10, github);
        assertThat(text.toString().lines()).hasSize(1);
        progress.done();
        assertThat(text.toString().lines()).containsExactly("sync: github: 150 records read, 2 requests, 1 waits",
                "sync: github: 160 records read, 2 requests, 1 waits");
        progress.done();
        assertThat(text.toString().lines()).as("unchanged sources are not repeated").hasSize(2);
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter text = new StringWriter();
        PipelineProgress progress = PipelineProgress.to(new PrintWriter(text));
        progress.page("wandb", 50, new RequestStats());
        progress.done();
        assertThat(text.toString()).doesNotContain("\n").endsWith("\r\033[K");
    }

    @Test
    void silentPrintsNothing() {
        PipelineProgress.silent().page("linear", 5, github);
        PipelineProgress.silent().done();
    }
}
