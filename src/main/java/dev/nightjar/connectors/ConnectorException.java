package dev.nightjar.connectors;

/**
 * A source failed after bounded retries (or cannot be used at all, e.g. 401). The message is meant
 * for the operator: it names the source, the stream and the cursor, and never contains a token.
 */
public class ConnectorException extends RuntimeException {

    private final String source;

    public ConnectorException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public ConnectorException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The same failure with the stream and cursor it happened at, for the job's error summary. */
    public ConnectorException at(String stream, String cursor) {
        String where = " [stream " + stream + ", cursor " + (cursor == null ? "<start>" : cursor) + "]";
        return new ConnectorException(source, getMessage().substring(source.length() + 2) + where, getCause());
    }
}
