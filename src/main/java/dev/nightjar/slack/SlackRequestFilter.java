package dev.nightjar.slack;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies every request under {@code /slack/} before anything parses it: reads the raw body once,
 * checks the signature and the timestamp window, answers 401 when they fail, and otherwise hands the
 * exact verified bytes on as {@link #RAW_BODY} (the endpoints parse those, never the servlet's parameters).
 */
public final class SlackRequestFilter extends OncePerRequestFilter {

    public static final String RAW_BODY = "dev.nightjar.slack.rawBody";
    /** Slack's payloads are a few KB; anything far larger is not from Slack. */
    static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(SlackRequestFilter.class);

    private final SlackSignature signature;

    public SlackRequestFilter(SlackSignature signature) {
        this.signature = signature;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/slack/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = readBody(request);
        SlackSignature.Verdict verdict = body == null ? SlackSignature.Verdict.MISMATCH
                : signature.verify(request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"), body);
        if (verdict != SlackSignature.Verdict.VALID) {
            log.warn("refused {} {}: signature {}", request.getMethod(), request.getRequestURI(), verdict.name().toLowerCase());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.getOutputStream().write("{\"error\":\"invalid_request_signature\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(RAW_BODY, body);
        chain.doFilter(request, response);
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }
}
