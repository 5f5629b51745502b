package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Acl;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.store.PeopleStore;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name match says whose work an account is, never what someone may read: an outsider's GitHub
 * account that happens to carry a colleague's full name must not pass that colleague's ACL checks.
 */
class NameMatchReadsTest {

    @TempDir
    Path dir;

    @Test
    void anAccountJoinedByNameAloneCountsAsTheirWorkButNotForTheirReads() {
        try (Workspace ws = TempWorkspace.open(dir)) {
            new PeopleStore(ws.database()).upsertAll(List.of(
                    new PersonIdentity("slack", "U0LENA", "lena@kestrel.example", "Lena Novak", null),
                    new PersonIdentity("github", "lnovak-outside", null, "Lena Novak", null)), TempWorkspace.NOW);

            Viewer lena = Viewer.person("lena@kestrel.example", ws.people());

            assertThat(lena.accounts()).contains("slack:U0LENA", "github:lnovak-outside");
            assertThat(lena.identities()).contains("slack:U0LENA", "lena@kestrel.example")
                    .doesNotContain("github:lnovak-outside");
            // a private repository only the name-matched account may read stays closed to her
            assertThat(lena.canSee(Acl.members(List.of("github:lnovak-outside")))).isFalse();
            assertThat(lena.canSee(Acl.members(List.of("slack:U0LENA")))).isTrue();
        }
    }
}
