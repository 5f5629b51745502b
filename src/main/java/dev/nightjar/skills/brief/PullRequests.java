package dev.nightjar.skills.brief;

import dev.nightjar.model.DocumentKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.model.Document;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stored pull request does not say in its fields: who is asked to review it. The GitHub
 * normalizer keeps requested reviewers only as MENTIONS links (indistinguishable from an {@code @login}
 * in the body), so this reads {@code requested_reviewers[].login} from the pull request's raw JSON.
 */
public final class PullRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PullRequests() {
    }

    /** {@code github:<login>} of each requested reviewer; empty for other documents or without raw JSON. */
    public static List<String> requestedReviewers(Document d) {
        List<String> out = new ArrayList<>();
        if (!DocumentKind.GITHUB_PR.is(d.id()) || d.rawJson() == null || d.rawJson().isBlank()) return out;
        try {
            for (JsonNode r : JSON.readTree(d.rawJson()).path("requested_reviewers")) {
                String login = r.path("login").asText("");
                if (!login.isEmpty()) out.add("github:" + login);
            }
        } catch (IOException e) {
            return out; // unreadable raw JSON: no review requests known, nothing invented
        }
        return out;
    }
}
