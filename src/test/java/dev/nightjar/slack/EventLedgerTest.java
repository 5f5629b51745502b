package dev.nightjar.slack;

import dev.nightjar.store.ledgers.EventLedger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event id is taken on once, also by a new process on the same data directory. */
class EventLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void anEventIsClaimedOnceAcrossARestart() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            EventLedger ledger = new EventLedger(ws.database(), ws.clock());
            assertThat(ledger.claim("Ev1", "app_mention")).isTrue();
            assertThat(ledger.claim("Ev1", "app_mention")).isFalse();
        }
        try (Workspace restarted = TempWorkspace.open(tmp)) {
            EventLedger ledger = new EventLedger(restarted.database(), restarted.clock());
            assertThat(ledger.claim("Ev1", "app_mention")).isFalse();
            assertThat(ledger.claim("Ev2", "message")).isTrue();
        }
    }
}
