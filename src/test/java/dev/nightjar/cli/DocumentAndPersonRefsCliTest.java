package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user types for a document ({@code show RNK-7}, {@code ranker#9}, a URL without https://)
 * and for a person ({@code brief --person "Lena Novak"}, a mistyped address): resolved when it names
 * one thing, listed when it names several, one line with the nearest known address when none.
 */
class DocumentAndPersonRefsCliTest {

    static final Instant NOW = Instant.parse("2031-03-03T03:00:00Z");
    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void seed() {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            List<PersonIdentity> people = List.of(
                    new PersonIdentity("linear", "u-lena", "lena@acme.example", "Lena Novak", "Europe/Prague"),
                    new PersonIdentity("linear", "u-alex1", "alex@acme.example", "Alex Kim", null),
                    new PersonIdentity("linear", "u-alex2", "alex.k@acme.example", "Alex Kim", null));
            Instant t = NOW.minusSeconds(3600);
            List<Document> docs = List.of(
                    doc("linear", "issue", "RNK-7", "https://linear.app/acme/issue/RNK-7/tune-the-reranker", "linear:u-lena", t),
                    Document.builder(DocumentId.of("linear", "issue", "RNK-17")).url("https://linear.app/acme/issue/RNK-17").title("Private")
                            .acl(Acl.members(List.of("linear:u-lena"))).createdAt(t).updatedAt(t).build(),
                    doc("github", "pr", "acme/ranker#9", "https://github.com/acme/ranker/pull/9", "linear:u-lena", t),
                    doc("github", "pr", "fork/ranker#9", "https://github.com/fork/ranker/pull/9", null, t),
                    doc("github", "issue", "acme/api#3", "https://github.com/acme/api/issues/3", null, t),
                    // a comment's id also ends in #9…: never taken for the pull request
                    doc("github", "comment", "acme/api#9/77", "https://github.com/acme/api/pull/9#issuecomment-77", null, t));
            ws.documents().write(new Normalized(docs, List.of(), people, List.of()), d -> ws.truthPolicy().assess(d, Optional.empty(), NOW));
            ws.index().catchUp(ws.documents());
        }
    }

    private static Document doc(String source, String kind, String key, String url, String author, Instant t) {
        return Document.builder(DocumentId.of(source, kind, key)).url(url).title(kind + " " + key).state("open")
                .author(author).createdAt(t).updatedAt(t).build();
    }

    private CliRunner.Result nightjar(String... args) {
        return CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), args);
    }

    private String shownId(String typed) throws Exception {
        CliRunner.Result r = nightjar("show", typed, "--format", "json");
        assertThat(r.exit()).as(typed + ": " + r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).path("id").asText();
    }

    @Test
    void showTakesWhatAUserTypesForADocument() throws Exception {
        assertThat(shownId("RNK-7")).isEqualTo("linear:issue:RNK-7");
        assertThat(shownId("rnk-7")).isEqualTo("linear:issue:RNK-7");
        assertThat(shownId("linear.app/acme/issue/RNK-7/tune-the-reranker")).isEqualTo("linear:issue:RNK-7");
        assertThat(shownId("https://linear.app/acme/issue/RNK-7")).as("the URL without its title slug").isEqualTo("linear:issue:RNK-7");
        assertThat(shownId("acme/ranker#9")).isEqualTo("github:pr:acme/ranker#9");
        assertThat(shownId("api#3")).isEqualTo("github:issue:acme/api#3");
        assertThat(shownId("github.com/acme/ranker/pull/9")).isEqualTo("github:pr:acme/ranker#9");
        assertThat(shownId("https://github.com/acme/ranker/pull/9/files")).isEqualTo("github:pr:acme/ranker#9");
        assertThat(shownId("linear:issue:RNK-7")).isEqualTo("linear:issue:RNK-7");
    }

    @Test
    void aReferenceToSeveralDocumentsListsThemAndOneToNoneSaysSoInOneLine() {
        CliRunner.Result several = nightjar("show", "ranker#9");
        assertThat(several.exit()).isEqualTo(Cli.USAGE);
        assertThat(several.err()).isEqualTo("nightjar: ranker#9 matches 2 documents; show one by id: "
                + "github:pr:acme/ranker#9, github:pr:fork/ranker#9\n");
        assertThat(several.out()).isEmpty();

        CliRunner.Result near = nightjar("show", "RNK-8");
        assertThat(near.exit()).isEqualTo(Cli.USAGE);
        assertThat(near.err()).isEqualTo("nightjar: no document RNK-8 in the store (did you mean RNK-7?)\n");
        assertThat(nightjar("show", "rnk-6").err()).isEqualTo("nightjar: no document rnk-6 in the store (did you mean RNK-7?)\n");
        // what --as may not read is never suggested (RNK-17 is Lena's alone)
        assertThat(nightjar("show", "RNK-18", "--as", "lena@acme.example").err())
                .isEqualTo("nightjar: no document RNK-18 in the store (did you mean RNK-17?)\n");
        assertThat(nightjar("show", "RNK-18", "--as", "alex@acme.example").err())
                .isEqualTo("nightjar: no document RNK-18 in the store (check the URL or id; `nightjar sync` reads the sources)\n");

        for (String none : List.of("RNK-80", "api#9", "nobody/ranker#9", "github.com/acme/ranker/pull/10")) {
            CliRunner.Result r = nightjar("show", none);
            assertThat(r.exit()).as(none).isEqualTo(Cli.USAGE);
            assertThat(r.err()).isEqualTo("nightjar: no document " + none + " in the store (check the URL or id; `nightjar sync` reads the sources)\n");
        }
    }

    @Test
    void briefTakesAFullNameForItsOnlyPersonAndSuggestsTheAddressForATypo() {
        CliRunner.Result byEmail = nightjar("brief", "--person", "lena@acme.example", "--format", "json");
        assertThat(byEmail.exit()).as(byEmail.err()).isZero();
        CliRunner.Result byName = nightjar("brief", "--person", "lena novak", "--format", "json");
        assertThat(byName.exit()).as(byName.err()).isZero();
        assertThat(byName.out()).isEqualTo(byEmail.out()).contains("lena@acme.example");

        for (String typo : List.of("lena@acme.exmple", "Lena Novk", "lean@acme.example")) {
            CliRunner.Result r = nightjar("brief", "--person", typo);
            assertThat(r.exit()).as(typo).isEqualTo(Cli.USAGE);
            assertThat(r.err()).as(typo).isEqualTo("nightjar: unknown person " + typo + ": no source reports this e-mail"
                    + (typo.contains("@") ? "" : " or name") + " (did you mean lena@acme.example?)\n");
        }
        CliRunner.Result far = nightjar("brief", "--person", "nobody@else.example");
        assertThat(far.err()).isEqualTo("nightjar: unknown person nobody@else.example: no source reports this e-mail\n");

        CliRunner.Result twoAlexes = nightjar("brief", "--person", "Alex Kim");
        assertThat(twoAlexes.exit()).isEqualTo(Cli.USAGE);
        assertThat(twoAlexes.err()).isEqualTo("nightjar: Alex Kim is the name of 2 people; give the e-mail: alex.k@acme.example, alex@acme.example\n");
    }

    @Test
    void prepReadsPeopleTheSameWay() {
        CliRunner.Result byName = nightjar("prep", "--with", "Lena Novak", "--format", "json");
        assertThat(byName.exit()).as(byName.err()).isZero();
        assertThat(byName.out()).isEqualTo(nightjar("prep", "--with", "lena@acme.example", "--format", "json").out());
        assertThat(nightjar("prep", "--with", "Lena Novk").err()).contains("(did you mean lena@acme.example?)");
    }
}
