package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** A slash command that finds every worker busy and the queue full is told so in its acknowledgement (Slack never retries a command). */
class SlashCommandsBusyTest {

    @Test
    void aCommandRefusedByAFullQueueSaysBusyAndOneTakenOnSaysWorkingOnIt() {
        List<Runnable> queued = new ArrayList<>();
        boolean[] full = {true};
        SlashCommands commands = new SlashCommands(null, null, null, null, null, work -> {
            if (full[0]) throw new RejectedExecutionException("queue full");
            queued.add(work);
        });
        SlashCommand ask = new SlashCommand("U0DANA", "C0RANKER", "ask", "where do we stand on Ranker v2?", "http://127.0.0.1:9/respond/1");

        assertThat(commands.handle(ask)).isEqualTo(SlashCommands.BUSY);
        assertThat(queued).isEmpty();
        full[0] = false;
        assertThat(commands.handle(ask)).isEqualTo("Working on it…");
        assertThat(queued).hasSize(1);
    }
}
