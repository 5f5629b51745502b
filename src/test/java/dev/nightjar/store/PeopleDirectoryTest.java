package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.config.PeopleAliases;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people directory's join: reused while the accounts stay the same, re-made when they change, shared by concurrent readers. */
class PeopleDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void theJoinIsReusedUntilAnAccountChangesAndConcurrentReadersSeeTheNewOne() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            PeopleStore accounts = new PeopleStore(ws.database());
            accounts.upsertAll(List.of(IdentityJoinTest.account("linear:u-lena", "lena@kestrel.example", "Lena Novak")), TempWorkspace.NOW);
            PeopleDirectory people = ws.people();
            IdentityJoin first = people.join();
            assertThat(people.join()).isSameAs(first);
            assertThat(people.displayName("linear:u-lena")).isEqualTo("Lena Novak");
            assertThat(people.knows("sam@kestrel.example")).isFalse();

            // a new account (another writer of the store, e.g. the nightly sync): the next reader re-joins
            accounts.upsertAll(List.of(IdentityJoinTest.account("slack:U0SAM", "sam@kestrel.example", "Sam Ortiz")), TempWorkspace.NOW);
            ExecutorService readers = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> names = new ArrayList<>();
                for (int i = 0; i < 64; i++) names.add(readers.submit(() -> people.displayName("slack:U0SAM")));
                for (Future<String> name : names) assertThat(name.get()).isEqualTo("Sam Ortiz");
            } finally {
                readers.shutdownNow();
            }
            assertThat(people.join()).isNotSameAs(first);
            assertThat(people.join()).isSameAs(people.join());
            assertThat(people.knows("sam@kestrel.example")).isTrue();
        }
    }

    @Test
    void anAccountWrittenThroughOneDirectoryIsSeenByTheNextLookupOnAnotherOfTheSameDatabase() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            PeopleDirectory asker = new PeopleDirectory(new PeopleStore(ws.database()), new PeopleAliases(List.of()));
            assertThat(asker.knows("sam@kestrel.example")).isFalse();
            assertThat(asker.displayName("slack:U0SAM")).isEqualTo("U0SAM");

            // the nightly sync writes through its own store object, in a transaction
            ws.database().tx().executeWithoutResult(status -> new PeopleStore(ws.database()).upsertAll(
                    List.of(IdentityJoinTest.account("slack:U0SAM", "sam@kestrel.example", "Sam Ortiz")), TempWorkspace.NOW));
            assertThat(asker.displayName("slack:U0SAM")).isEqualTo("Sam Ortiz");
            assertThat(asker.knows("sam@kestrel.example")).isTrue();
        }
    }

    @Test
    void anAccountAnotherNodeWroteIsSeenOnceTheFeedTimerLooksAndLookupsDoNotQueryForIt() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            PeopleStore store = new PeopleStore(ws.database());
            PeopleDirectory people = new PeopleDirectory(store, new PeopleAliases(List.of()));
            store.noticeOtherWriters();
            IdentityJoin before = people.join();
            assertThat(store.noticeOtherWriters()).as("nothing changed since the last look").isFalse();
            assertThat(people.join()).isSameAs(before);

            // another process writes the table directly: this JVM's version does not move by itself
            ws.database().jdbc().update("INSERT INTO identities (identity, source, handle, email, name, time_zone, seen_at) "
                    + "VALUES ('slack:U0RAE', 'slack', 'U0RAE', 'rae@kestrel.example', 'Rae Kim', NULL, ?)", DocumentStore.ts(TempWorkspace.NOW));
            assertThat(people.knows("rae@kestrel.example")).as("a lookup reads the cached join, no query").isFalse();

            assertThat(store.noticeOtherWriters()).isTrue();
            assertThat(people.knows("rae@kestrel.example")).isTrue();
            assertThat(people.displayName("slack:U0RAE")).isEqualTo("Rae Kim");
        }
    }
}
