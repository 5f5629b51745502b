package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Issues moved" reads the store's versions when the source gives no completion time: a move seen in the window counts, an older one not. */
class IssueMovesTest {

    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path tmp;

    static Document issue(String key, String state, Instant updated) {
        return Document.builder(DocumentId.of("linear", "issue", key)).url("https://linear.app/acme/issue/" + key).title("Issue " + key)
                .body("body").createdAt(updated.minus(Duration.ofDays(9))).updatedAt(updated).state(state)
                .projects(List.of("linear:team:PAY")).properties(Map.of("team", "PAY")).build();
    }

    void write(Workspace ws, Document d) {
        ws.documents().write(new Normalized(List.of(d),
                        List.of(new Link(DocumentId.parse("linear:team:PAY"), LinkType.MENTIONS, "person:linear:u-priya")),
                        List.of(new PersonIdentity("linear", "u-priya", "priya@example.com", "Priya Nair", null)), List.of()),
                x -> ws.truthPolicy().assess(x, Optional.empty(), ws.clock().instant()));
    }

    @Test
    void aStateChangeRecordedInTheWindowIsAMoveAndAnOlderOneIsNot() {
        Instant now = TempWorkspace.NOW;
        MovingClock clock = new MovingClock(now.minus(Duration.ofDays(5)));
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            write(ws, issue("PAY-1", "open", clock.now));
            write(ws, issue("PAY-2", "open", clock.now));
            clock.now = now.minus(Duration.ofDays(3));
            write(ws, issue("PAY-2", "in_progress", clock.now));
            clock.now = now.minus(Duration.ofHours(2));
            write(ws, issue("PAY-1", "done", clock.now));
            write(ws, issue("PAY-2", "in_progress", clock.now).toBuilder().title("Issue PAY-2 (renamed)").build()); // touched, not moved
            clock.now = now;
            ws.index().catchUp(ws.documents());

            Brief b = new BriefService(ws, Optional.empty()).forTeam("PAY", Duration.ofHours(24));
            assertThat(b.sheet().bySection().get("Issues moved")).singleElement()
                    .satisfies(f -> assertThat(f.text()).contains("PAY-1", "changed state: open -> done"));
        }
    }
}
