package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The normalizer on GitHub's documented example bodies (verbatim) and small variations of them. */
class GitHubNormalizerTest {

    final GitHubNormalizer normalizer = new GitHubNormalizer();

    Normalized normalize(String stream, ObjectNode json) {
        return normalizer.normalize(new SourceRecord(stream, "octocat/Hello-World", json));
    }

    @Test
    void mergedPullRequestFromTheDocumentedExample() {
        ObjectNode pr = FakeGitHub.template("pull-request-simple-items.json");
        Normalized n = normalize("pulls:octocat/Hello-World", pr);
        Document doc = n.documents().get(0);

        assertThat(doc.id().toString()).isEqualTo("github:pr:octocat/Hello-World#1347");
        assertThat(doc.url()).isEqualTo("https://github.com/octocat/Hello-World/pull/1347");
        assertThat(doc.title()).isEqualTo("Amazing new feature");
        assertThat(doc.body()).isEqualTo("Please pull these awesome changes in!");
        assertThat(doc.author()).isEqualTo("github:octocat");
        assertThat(doc.state()).isEqualTo("merged"); // merged_at is set in the example
        assertThat(doc.labels()).containsExactly("bug");
        assertThat(doc.createdAt()).isEqualTo(Instant.parse("2011-01-26T19:01:12Z"));
        assertThat(doc.properties()).containsEntry("repo", "octocat/Hello-World").containsEntry("number", "1347")
                .containsEntry("branch", "new-topic").containsEntry("base", "master").containsEntry("draft", "false")
                .containsEntry("merged", "true").containsEntry("merged_at", "2011-01-26T19:01:12Z")
                .containsEntry("merge_commit_sha", "e5bd3914e2e596debea16f433f57875b5b90bcd6")
                .containsEntry("head_sha", "6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(n.links()).contains(
                Link.toCommit(doc.id(), "e5bd3914e2e596debea16f433f57875b5b90bcd6"),
                Link.toCommit(doc.id(), "6dcb09b5b57875f334f61aebed695e2e4193db5e"),
                Link.toPerson(doc.id(), LinkType.ASSIGNED_TO, "github:octocat"),
                Link.toPerson(doc.id(), LinkType.ASSIGNED_TO, "github:hubot"),
                Link.toPerson(doc.id(), LinkType.MENTIONS, "github:other_user"));
        assertThat(doc.participants()).contains("github:octocat", "github:hubot", "github:other_user");
        assertThat(n.people()).extracting(PersonIdentity::identity).contains("github:octocat", "github:hubot", "github:other_user");
        assertThat(doc.rawJson()).isEqualTo(pr.toString());
    }

    @Test
    void openDraftPrWithAnIssueKeyInTitleBranchAndACloseInTheBody() {
        ObjectNode pr = FakeGitHub.template("pull-request-simple-items.json");
        pr.put("title", "ASR-117: bound the retries").put("body", "Also fixes ASR-120. cc @jlee-dev, not me@example.com").put("draft", true)
                .put("state", "open").putNull("merged_at").putNull("closed_at").put("some_new_field", 42);
        ((ObjectNode) pr.get("head")).put("ref", "feat/asr-119-ASR-119-retries");
        Normalized n = normalize("pulls:octocat/Hello-World", pr);
        Document doc = n.documents().get(0);

        assertThat(doc.state()).isEqualTo("open");
        assertThat(doc.properties()).containsEntry("draft", "true").containsEntry("merged", "false").doesNotContainKey("merged_at");
        assertThat(n.links()).contains(
                Link.toDocument(doc.id(), LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-117")),
                Link.toDocument(doc.id(), LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-119")),
                Link.toDocument(doc.id(), LinkType.CLOSES, DocumentId.parse("linear:issue:ASR-120")));
        assertThat(n.links()).contains(Link.toPerson(doc.id(), LinkType.MENTIONS, "github:jlee-dev"));
        assertThat(n.links()).extracting(Link::to).doesNotContain("person:github:example");
        // an unmerged PR's merge_commit_sha is only GitHub's test merge, not a commit of the repo
        assertThat(n.links()).doesNotContain(Link.toCommit(doc.id(), "e5bd3914e2e596debea16f433f57875b5b90bcd6"));
    }

    @Test
    void aBranchNamedAsLinearNamesItLinksTheIssue() {
        ObjectNode pr = FakeGitHub.template("pull-request-simple-items.json");
        pr.put("title", "Shadow-traffic evaluation").put("body", "");
        ((ObjectNode) pr.get("head")).put("ref", "lnovak/rnk-130-shadow-traffic-evaluation");
        Normalized n = normalize("pulls:octocat/Hello-World", pr);
        assertThat(n.links()).contains(Link.toDocument(n.documents().get(0).id(), LinkType.REFERENCES, DocumentId.parse("linear:issue:RNK-130")));
        assertThat(n.documents().get(0).properties()).containsEntry("branch", "lnovak/rnk-130-shadow-traffic-evaluation");
    }

    @Test
    void closedUnmergedPrIsClosed() {
        ObjectNode pr = FakeGitHub.template("pull-request-simple-items.json");
        pr.put("state", "closed").putNull("merged_at");
        assertThat(normalize("pulls:octocat/Hello-World", pr).documents().get(0).state()).isEqualTo("closed");
    }

    @Test
    void issuesAreIssuesAndPrItemsOfTheIssuesEndpointAreLeftToThePullsStream() {
        ObjectNode asListed = FakeGitHub.template("issue-items.json"); // the documented example has a pull_request key
        assertThat(normalize("issues:octocat/Hello-World", asListed).documents()).isEmpty();

        ObjectNode issue = asListed.deepCopy();
        issue.remove("pull_request");
        Normalized n = normalize("issues:octocat/Hello-World", issue);
        Document doc = n.documents().get(0);
        assertThat(doc.id().toString()).isEqualTo("github:issue:octocat/Hello-World#1347");
        assertThat(doc.state()).isEqualTo("open");
        assertThat(doc.title()).isEqualTo("Found a bug");
        assertThat(doc.properties()).containsEntry("state_reason", "completed").containsEntry("milestone", "v1.0");
        assertThat(doc.metrics()).containsEntry("comments", 0.0);
        assertThat(n.links()).contains(Link.toPerson(doc.id(), LinkType.ASSIGNED_TO, "github:octocat"));
    }

    @Test
    void commitKeepsTheAuthorsEmailAndLinksToItsSha() {
        ObjectNode c = FakeGitHub.template("commit-items.json");
        ((ObjectNode) c.get("commit")).put("message", "Retry on 502 (fixes ASR-117)\n\nDetails here");
        Normalized n = normalize("commits:octocat/Hello-World", c);
        Document doc = n.documents().get(0);
        assertThat(doc.id().toString()).isEqualTo("github:commit:octocat/Hello-World@6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(doc.title()).isEqualTo("Retry on 502 (fixes ASR-117)");
        assertThat(doc.author()).isEqualTo("github:octocat");
        assertThat(doc.url()).isEqualTo("https://github.com/octocat/Hello-World/commit/6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(n.people()).containsExactly(new PersonIdentity("github", "octocat", "support@github.com", "Monalisa Octocat", null));
        assertThat(n.links()).contains(Link.toCommit(doc.id(), "6dcb09b5b57875f334f61aebed695e2e4193db5e"),
                Link.toDocument(doc.id(), LinkType.CLOSES, DocumentId.parse("linear:issue:ASR-117")));
    }

    @Test
    void reviewHasALowerCaseStateAndCommentsOnItsPr() {
        Normalized n = normalize("reviews:octocat/Hello-World", FakeGitHub.template("pull-request-review-items.json"));
        Document doc = n.documents().get(0);
        assertThat(doc.id().toString()).isEqualTo("github:review:octocat/Hello-World#12/80");
        assertThat(doc.state()).isEqualTo("approved");
        assertThat(doc.properties()).containsEntry("review_state", "approved").containsEntry("number", "12");
        assertThat(doc.body()).isEqualTo("Here is the body for the review.");
        assertThat(doc.createdAt()).isEqualTo(Instant.parse("2019-11-17T17:43:43Z"));
        assertThat(n.links()).contains(Link.toDocument(doc.id(), LinkType.COMMENT_ON, DocumentId.parse("github:pr:octocat/Hello-World#12")));
    }

    @Test
    void conversationCommentsPointAtTheIssueOrPrAndDiffCommentsAtThePr() {
        Normalized onIssue = normalize("comments:octocat/Hello-World", FakeGitHub.template("issue-comment-items.json"));
        Document c = onIssue.documents().get(0);
        assertThat(c.id().toString()).isEqualTo("github:comment:octocat/Hello-World#1347/1");
        assertThat(onIssue.links()).contains(Link.toDocument(c.id(), LinkType.COMMENT_ON, DocumentId.parse("github:issue:octocat/Hello-World#1347")));

        ObjectNode prComment = FakeGitHub.template("issue-comment-items.json");
        prComment.put("html_url", "https://github.com/octocat/Hello-World/pull/1347#issuecomment-1");
        Normalized onPr = normalize("comments:octocat/Hello-World", prComment);
        assertThat(onPr.links()).extracting(Link::to).contains("github:pr:octocat/Hello-World#1347");

        Normalized diff = normalize("review-comments:octocat/Hello-World", FakeGitHub.template("review-comment-items.json"));
        Document d = diff.documents().get(0);
        assertThat(d.id().toString()).isEqualTo("github:comment:octocat/Hello-World#1/10");
        assertThat(d.properties()).containsEntry("path", "file1.txt").containsEntry("comment_kind", "review_comment");
        assertThat(diff.links()).contains(Link.toDocument(d.id(), LinkType.COMMENT_ON, DocumentId.parse("github:pr:octocat/Hello-World#1")));
    }

    @Test
    void recordsMissingWhatADocumentNeedsAreMalformed() {
        ObjectNode noNumber = FakeGitHub.template("pull-request-simple-items.json");
        noNumber.remove("number");
        assertThatThrownBy(() -> normalize("pulls:octocat/Hello-World", noNumber)).isInstanceOf(MalformedRecordException.class);

        ObjectNode noUrl = FakeGitHub.template("issue-items.json");
        noUrl.remove("pull_request");
        noUrl.remove("html_url");
        assertThatThrownBy(() -> normalize("issues:octocat/Hello-World", noUrl)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("html_url");

        ObjectNode orphan = FakeGitHub.template("issue-comment-items.json");
        orphan.remove("issue_url");
        assertThatThrownBy(() -> normalize("comments:octocat/Hello-World", orphan)).isInstanceOf(MalformedRecordException.class);

        ObjectNode noSha = FakeGitHub.template("commit-items.json");
        noSha.remove("sha");
        assertThatThrownBy(() -> normalize("commits:octocat/Hello-World", noSha)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void recordedOctokitIssuePagesNormalize() throws Exception {
        ArrayNode pages = (ArrayNode) FakeGitHub.JSON.readTree(getClass().getResourceAsStream("/github/octokit-fixtures.paginate-issues.normalized.json"));
        int docs = 0;
        for (var page : pages) {
            for (var item : page.get("response")) {
                docs += normalizer.normalize(new SourceRecord("issues:octokit-fixture-org/paginate-issues",
                        "octokit-fixture-org/paginate-issues", item)).documents().size();
            }
        }
        assertThat(docs).isEqualTo(13);
    }
}
