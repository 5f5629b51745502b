package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.testing.ContractSchemas;
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
 * One person across sources, seen by a user: a GitHub account known only by a no-reply address and a
 * W&B account without e-mail join Lena by name (reported by `status`), `ask` about her by name finds
 * her issue and her crashed run, and names, never logins or no-reply addresses, are shown.
 */
class PeopleJoinCliTest {

    static final Instant NOW = Instant.parse("2031-03-03T03:00:00Z");
    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void seed() {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            List<PersonIdentity> people = List.of(
                    new PersonIdentity("linear", "u-lena", "lena@acme.example", "Lena Novak", "Europe/Prague"),
                    new PersonIdentity("github", "lnovak", "5123757+lnovak@users.noreply.github.com", "Lena Novak", null),
                    new PersonIdentity("wandb", "lena-n", null, "Lena Novak", null),
                    new PersonIdentity("linear", "u-alex1", "alex@acme.example", "Alex Kim", null),
                    new PersonIdentity("linear", "u-alex2", "alex.k@acme.example", "Alex Kim", null),
                    new PersonIdentity("github", "akim", null, "Alex Kim", null));
            DocumentId issue = DocumentId.of("linear", "issue", "RNK-7");
            DocumentId run = DocumentId.of("wandb", "run", "acme/ranker/x1");
            DocumentId pr = DocumentId.of("github", "pr", "acme/ranker#9");
            Instant t = NOW.minusSeconds(86_400);
            List<Document> docs = List.of(
                    Document.builder(issue).url("https://linear.app/acme/issue/RNK-7").title("Tune the reranker").state("in_progress")
                            .author("linear:u-lena").createdAt(t).updatedAt(t).build(),
                    Document.builder(run).url("https://wandb.ai/acme/ranker/runs/x1").title("rnk-7-train").state("crashed")
                            .author("wandb:lena-n").createdAt(t).updatedAt(t).build(),
                    Document.builder(pr).url("https://github.com/acme/ranker/pull/9").title("RNK-7: tune").state("open")
                            .author("github:lnovak").createdAt(t).updatedAt(t).build());
            ws.documents().write(new Normalized(docs, List.of(Link.toPerson(issue, LinkType.ASSIGNED_TO, "linear:u-lena"),
                            Link.toDocument(pr, LinkType.REFERENCES, issue)), people, List.of()),
                    d -> ws.truthPolicy().assess(d, Optional.empty(), NOW));
            ws.index().catchUp(ws.documents());
        }
    }

    private CliRunner.Result nightjar(String... args) {
        return CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), args);
    }

    @Test
    void askByNameResolvesToThePersonWithEveryAccountNeverANoReplyAddress() throws Exception {
        CliRunner.Result r = nightjar("ask", "What is Lena Novak working on?", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(r.out());
        assertThat(answer.path("subject").path("key").asText()).isEqualTo("lena@acme.example");
        assertThat(answer.path("subject").path("title").asText()).isEqualTo("Lena Novak");
        assertThat(r.out()).contains("https://linear.app/acme/issue/RNK-7").contains("https://wandb.ai/acme/ranker/runs/x1")
                .contains("https://github.com/acme/ranker/pull/9").doesNotContain("noreply");
    }

    @Test
    void showNamesTheAuthorNotTheLoginOrTheNoReplyAddress() throws Exception {
        CliRunner.Result r = nightjar("show", "github:pr:acme/ranker#9", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("show", r.out())).isEmpty();
        JsonNode author = new ObjectMapper().readTree(r.out()).path("author");
        assertThat(author.path("name").asText()).isEqualTo("Lena Novak");
        assertThat(author.path("email").asText()).isEqualTo("lena@acme.example");
    }

    @Test
    void statusReportsEveryJoinByNameAndEveryNameTooCommonToJoin() throws Exception {
        CliRunner.Result json = nightjar("status", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(ContractSchemas.violations("status", json.out())).isEmpty();
        JsonNode people = new ObjectMapper().readTree(json.out()).path("people");
        assertThat(people.path("persons").asInt()).isEqualTo(3);
        assertThat(people.path("joined_by_name").toString())
                .isEqualTo("[{\"identity\":\"github:lnovak\",\"name\":\"Lena Novak\",\"email\":\"lena@acme.example\"},"
                        + "{\"identity\":\"wandb:lena-n\",\"name\":\"Lena Novak\",\"email\":\"lena@acme.example\"}]");
        assertThat(people.path("ambiguous_names").get(0).path("identity").asText()).isEqualTo("github:akim");

        String text = nightjar("status").out();
        assertThat(text).contains("People     github:lnovak joined to lena@acme.example by the name Lena Novak")
                .contains("People     github:akim not joined: the name Alex Kim belongs to [alex.k@acme.example, alex@acme.example]");
    }
}
