package dev.nightjar.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody))},
 * compared in constant time, with timestamps more than five minutes away from now refused (replays).
 */
public final class SlackSignature {

    public static final Duration WINDOW = Duration.ofMinutes(5);

    public enum Verdict { VALID, MISSING, STALE, MISMATCH }

    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret == null ? new byte[0] : signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public Verdict verify(String timestamp, String signature, byte[] rawBody) {
        if (secret.length == 0 || timestamp == null || signature == null) return Verdict.MISSING;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        // Checked before the HMAC so a replayed request costs nothing.
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > WINDOW.toSeconds()) return Verdict.STALE;
        byte[] expected = sign(timestamp.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The {@code X-Slack-Signature} value Slack would send (also used by tests to sign requests). */
    public String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
