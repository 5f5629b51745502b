package dev.nightjar.connectors;

/**
 * A source failed after bounded retries (or cannot be used at all, e.g. 401). The message is meant
 * for the operator: one line naming the source, the stream (once, however many layers add it) and the
 * object the request was about, and never a token. The stream's cursor is left out: it can run to
 * kilobytes of JSON and `status` shows it.
 */
public class ConnectorException extends RuntimeException {

    private final String source;
    private final String stream;
    private final String detail;

    public ConnectorException(String source, String message) {
        this(source, null, message, null);
    }

    public ConnectorException(String source, String message, Throwable cause) {
        this(source, null, message, cause);
    }

    private ConnectorException(String source, String stream, String detail, Throwable cause) {
        super(source + ": " + (stream == null ? "" : "stream " + stream + ": ") + detail, cause);
        this.source = source;
        this.stream = stream;
        this.detail = detail;
    }

    public String source() {
        return source;
    }

    /** The stream the failure happened in, or null before a stream added it. */
    public String stream() {
        return stream;
    }

    /**
     * The same failure located in {@code stream}. Only the first (innermost) location counts, so a
     * failure passed up through several layers names its stream once.
     *
     * @param cursor where the stream was; not part of the message (see the class comment)
     */
    public ConnectorException at(String stream, String cursor) {
        if (this.stream != null) return this;
        ConnectorException located = new ConnectorException(source, stream, detail, getCause() != null ? getCause() : this);
        located.setStackTrace(getStackTrace());
        return located;
    }
}
