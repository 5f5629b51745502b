package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.model.PersonIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How accounts become people: people.yml, real e-mail (never a no-reply one), reported name matches. */
class IdentityJoinTest {

    static PersonIdentity account(String identity, String email, String name) {
        return new PersonIdentity(identity.substring(0, identity.indexOf(':')), identity.substring(identity.indexOf(':') + 1), email, name, null);
    }

    @Test
    void gitHubNoReplyAddressesAreAccountsNotMailboxes() {
        assertThat(IdentityJoin.isGithubNoreply("5123757+lnovak@users.noreply.github.com")).isTrue();
        assertThat(IdentityJoin.isGithubNoreply("lnovak@users.noreply.github.com")).isTrue();
        assertThat(IdentityJoin.isGithubNoreply("lena@kestrel.example")).isFalse();
        assertThat(IdentityJoin.mailbox("5123757+LNovak@users.noreply.github.com")).isEmpty();
        assertThat(IdentityJoin.mailbox("noreply@github.com")).isEmpty();
        assertThat(IdentityJoin.mailbox(" Lena@Kestrel.example ")).contains("lena@kestrel.example");
    }

    @Test
    void aNoReplyAccountJoinsItsPersonByAConfidentNameMatchAndTheJoinIsReported() {
        IdentityJoin join = new IdentityJoin(List.of(
                account("linear:u-lena", "lena@kestrel.example", "Lena Novak"),
                account("slack:U0LENA", "lena@kestrel.example", "Lena Novak"),
                account("github:lnovak", "5123757+lnovak@users.noreply.github.com", "Lena Novak"),
                account("wandb:ln", null, "léna  NOVÁK"),
                account("github:sam", null, "sam")), Map.of(), Map.of());

        IdentityJoin.Person lena = join.personByEmail("lena@kestrel.example").orElseThrow();
        assertThat(lena.name()).isEqualTo("Lena Novak");
        assertThat(lena.identities()).containsExactlyInAnyOrder("linear:u-lena", "slack:U0LENA", "github:lnovak", "wandb:ln");
        assertThat(join.personOf("github:lnovak")).contains(lena);
        assertThat(join.nameMatches()).containsExactly(
                new IdentityJoin.NameMatch("github:lnovak", "Lena Novak", "lena@kestrel.example"),
                new IdentityJoin.NameMatch("wandb:ln", "léna  NOVÁK", "lena@kestrel.example"));
        // one word is a login or a nickname, not a confident match; no person is made of a no-reply address
        assertThat(join.personOf("github:sam")).isEmpty();
        assertThat(join.people()).extracting(IdentityJoin.Person::email).containsExactly("lena@kestrel.example");
    }

    @Test
    void aNameTwoPeopleShareJoinsNeitherAndIsReported() {
        IdentityJoin join = new IdentityJoin(List.of(
                account("linear:a", "alex.kim@example.com", "Alex Kim"),
                account("linear:b", "alex.kim2@example.com", "Alex Kim"),
                account("github:akim", null, "Alex Kim")), Map.of(), Map.of());
        assertThat(join.personOf("github:akim")).isEmpty();
        assertThat(join.nameMatches()).isEmpty();
        assertThat(join.ambiguous()).containsExactly(
                new IdentityJoin.Ambiguous("github:akim", "Alex Kim", List.of("alex.kim2@example.com", "alex.kim@example.com")));
    }

    @Test
    void peopleYmlAliasesWinOverWhatTheSourceReportsAndNameThePerson() {
        IdentityJoin join = new IdentityJoin(List.of(
                account("github:jlee-dev", "9+jlee-dev@users.noreply.github.com", "jlee"),
                account("slack:U07JORDAN", "jordan@example.com", "J. Lee")),
                Map.of("github:jlee-dev", "jordan@example.com"), Map.of("jordan@example.com", "Jordan Lee"));
        IdentityJoin.Person jordan = join.personOf("github:jlee-dev").orElseThrow();
        assertThat(jordan.email()).isEqualTo("jordan@example.com");
        assertThat(jordan.name()).isEqualTo("Jordan Lee");
        assertThat(jordan.identities()).containsExactlyInAnyOrder("github:jlee-dev", "slack:U07JORDAN");
        assertThat(join.nameMatches()).isEmpty();
    }
}
