package dev.nightjar.slack;

import dev.nightjar.testing.TestClocks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The v0 signature against Slack's own worked example, and the replay window around it. */
class SlackSignatureTest {

    static JsonNode vector() throws Exception {
        try (InputStream in = SlackSignatureTest.class.getResourceAsStream("/slack-app/signing_test_vector.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static SlackSignature at(JsonNode v, long offsetSeconds) {
        long ts = Long.parseLong(v.path("headers").path("X-Slack-Request-Timestamp").asText());
        return new SlackSignature(v.path("signing_secret").asText(), Clock.fixed(Instant.ofEpochSecond(ts + offsetSeconds), ZoneOffset.UTC));
    }

    @Test
    void slacksWorkedExampleIsComputedAndAccepted() throws Exception {
        JsonNode v = vector();
        String ts = v.path("headers").path("X-Slack-Request-Timestamp").asText();
        String expected = v.path("headers").path("X-Slack-Signature").asText();
        byte[] body = v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(at(v, 0).sign(ts, body)).isEqualTo(expected);
        assertThat(at(v, 30).verify(ts, expected, body)).isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void aChangedBodyOrSecretIsAMismatch() throws Exception {
        JsonNode v = vector();
        String ts = v.path("headers").path("X-Slack-Request-Timestamp").asText();
        String sig = v.path("headers").path("X-Slack-Signature").asText();
        byte[] tampered = v.path("raw_body").asText().replace("user_name=roadrunner", "user_name=coyote").getBytes(StandardCharsets.UTF_8);

        assertThat(at(v, 0).verify(ts, sig, tampered)).isEqualTo(SlackSignature.Verdict.MISMATCH);
        SlackSignature otherSecret = new SlackSignature("not-the-secret", Clock.fixed(Instant.ofEpochSecond(Long.parseLong(ts)), ZoneOffset.UTC));
        assertThat(otherSecret.verify(ts, sig, v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreRefusedEvenWithAValidSignature() throws Exception {
        JsonNode v = vector();
        String ts = v.path("headers").path("X-Slack-Request-Timestamp").asText();
        String sig = v.path("headers").path("X-Slack-Signature").asText();
        byte[] body = v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(at(v, 300).verify(ts, sig, body)).isEqualTo(SlackSignature.Verdict.VALID);
        assertThat(at(v, 301).verify(ts, sig, body)).isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(at(v, -301).verify(ts, sig, body)).isEqualTo(SlackSignature.Verdict.STALE);
    }

    @Test
    void missingHeadersOrSecretAreRefused() throws Exception {
        JsonNode v = vector();
        byte[] body = v.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);
        String ts = v.path("headers").path("X-Slack-Request-Timestamp").asText();
        assertThat(at(v, 0).verify(null, "v0=00", body)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(at(v, 0).verify("not-a-number", "v0=00", body)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(new SlackSignature(null, TestClocks.system()).verify(ts, "v0=00", body)).isEqualTo(SlackSignature.Verdict.MISSING);
    }
}
