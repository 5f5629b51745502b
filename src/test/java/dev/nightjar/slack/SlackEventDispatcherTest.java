package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.store.ledgers.EventLedger;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app mention is answered once however often Slack delivers it: a retry while the first delivery is
 * still queued, the same retry at another process on the same store, and a delivery refused while the
 * workers were full and delivered again.
 */
class SlackEventDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Counts answers instead of reading the index and posting to Slack. */
    private static final class CountingAnswerer extends MentionAnswerer {
        final AtomicInteger answered = new AtomicInteger();

        CountingAnswerer() {
            super(null, null, null, null);
        }

        @Override
        public void answer(String channel, String userId, String text, String threadTs) {
            answered.incrementAndGet();
        }
    }

    @Test
    void aRetryIsAnsweredOnceWhetherItReachesThisProcessOrAnotherBeforeTheFirstIsAnswered() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            List<Runnable> queued = new ArrayList<>();
            Executor held = queued::add;   // workers that have not started yet
            CountingAnswerer answerer = new CountingAnswerer();
            SlackEventDispatcher first = dispatcher(ws, held, answerer);

            assertThat(first.accept(mention("Ev1"), null)).isEqualTo("accepted");
            assertThat(first.accept(mention("Ev1"), "1")).as("a retry before anything was written").isEqualTo("duplicate");
            assertThat(rows(ws)).as("the acknowledgement wrote nothing").isZero();

            // the same retry reaches another node (or this one after a restart): it is queued there too
            SlackEventDispatcher other = dispatcher(ws, held, answerer);
            assertThat(other.accept(mention("Ev1"), "2")).isEqualTo("accepted");

            queued.forEach(Runnable::run);
            assertThat(answerer.answered).hasValue(1);
            assertThat(rows(ws)).isEqualTo(1);
        }
    }

    @Test
    void anEventRefusedWhileTheWorkersAreFullIsTakenOnWhenSlackDeliversItAgain() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            CountingAnswerer answerer = new CountingAnswerer();
            boolean[] full = {true};
            SlackEventDispatcher dispatcher = dispatcher(ws, work -> {
                if (full[0]) throw new RejectedExecutionException("queue full");
                work.run();
            }, answerer);

            assertThat(dispatcher.accept(mention("Ev2"), null)).isEqualTo(SlackEventDispatcher.BUSY);
            full[0] = false;
            assertThat(dispatcher.accept(mention("Ev2"), "1")).isEqualTo("accepted");
            assertThat(dispatcher.accept(mention("Ev2"), "2")).isEqualTo("duplicate");
            assertThat(answerer.answered).hasValue(1);
        }
    }

    private static SlackEventDispatcher dispatcher(Workspace ws, Executor workers, MentionAnswerer answerer) {
        return new SlackEventDispatcher(new EventLedger(ws.database(), ws.clock()), workers, answerer, null, null, null, null);
    }

    private static int rows(Workspace ws) {
        return ws.database().jdbc().queryForObject("SELECT COUNT(*) FROM slack_events", Integer.class);
    }

    private static JsonNode mention(String eventId) throws Exception {
        return JSON.readTree("{\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"authorizations\":[{\"user_id\":\"U0BOT\"}],"
                + "\"event\":{\"type\":\"app_mention\",\"user\":\"U0DANA\",\"channel\":\"C0RANKER\",\"ts\":\"1764050000.000100\","
                + "\"text\":\"<@U0BOT> where do we stand on Ranker v2?\"}}");
    }
}
