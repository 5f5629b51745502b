package dev.nightjar.connectors.slack;

import static dev.nightjar.connectors.slack.SlackHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HTTP requests of a full and an incremental sync against the minimum Σ ceil(items / max page
 * size). Fixture: 450 users, 3 channels visible, #general with 2,500 top-level messages (6 threads:
 * five of 3 replies, one of 2,100) in the last two days, private #leads with 10 messages and 3 members.
 */
class SlackRequestCountTest {

    @Test
    void fullAndIncrementalRequestCounts() throws Exception {
        try (SlackHarness h = new SlackHarness()) {
            FakeSlack s = h.slack;
            for (int i = 0; i < 448; i++) s.addUser("U%07d".formatted(i), "Person " + i, "p" + i + "@example.com", false);
            s.addPrivateChannel("G0LEADS01", "leads", List.of("W012A3CDE", "W07QCRPA4", "U0000001"));
            long base = NOW.getEpochSecond() - 2 * 86_400;
            for (int i = 0; i < 2500; i++) s.post("C012AB3CD", "W012A3CDE", "status " + i, FakeSlack.ts(base + i * 60L, 0));
            for (int t = 0; t < 5; t++) {
                String root = FakeSlack.ts(base + t * 60L, 0);
                for (int r = 0; r < 3; r++) s.reply("C012AB3CD", root, "W07QCRPA4", "re " + r, FakeSlack.ts(base + t * 60L + 1 + r, 0));
            }
            String bigRoot = FakeSlack.ts(base + 10 * 60L, 0);
            for (int r = 0; r < 2100; r++) s.reply("C012AB3CD", bigRoot, "W07QCRPA4", "long " + r, FakeSlack.ts(base + 10 * 60L, r + 1));
            for (int i = 0; i < 10; i++) s.post("G0LEADS01", "W012A3CDE", "lead note " + i, FakeSlack.ts(base + i, 500));

            SlackHarness.Run full = h.sync(h.connector(List.of("general", "leads"), List.of()));
            assertThat(full.documents()).hasSize(2510);
            // users 3 (450/200) + auth.test 1 + conversations.list 1 + history 3 + 1 + replies 5 + 3 + members 1
            assertThat(full.requests()).isEqualTo(18);
            int minimumFull = 1 /* users 450/1000 */ + 1 /* list */ + 3 + 1 /* history */ + 5 + 3 /* replies */ + 1 /* members */;

            h.clock.advance(Duration.ofDays(1));
            SlackHarness.Run quiet = h.sync(h.connector(List.of("general", "leads"), List.of()));
            assertThat(quiet.documents()).isEmpty();
            // users 3 + list 1 + history: the 14-day window is re-listed (2,500 roots → 3) + 1; nothing else
            assertThat(quiet.requests()).isEqualTo(8);

            s.reply("C012AB3CD", FakeSlack.ts(base + 60L, 0), "W012A3CDE", "late", Ts.of(NOW.plus(Duration.ofHours(23))));
            s.post("G0LEADS01", "W07QCRPA4", "new lead note", Ts.of(NOW.plus(Duration.ofHours(23))));
            SlackHarness.Run incremental = h.sync(h.connector(List.of("general", "leads"), List.of()));
            assertThat(incremental.documents()).hasSize(2);
            // quiet run + replies 1 + auth.test 1 + members 1
            assertThat(incremental.requests()).isEqualTo(11);

            System.out.printf("slack requests: full %d (minimum %d, 17 at Slack's recommended 200 per list page);"
                            + " incremental nothing new %d; incremental 1 late reply + 1 private message %d%n",
                    full.requests(), minimumFull, quiet.requests(), incremental.requests());
        }
    }
}
