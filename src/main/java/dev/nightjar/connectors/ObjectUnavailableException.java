package dev.nightjar.connectors;

/**
 * The API answered that one object, or one feature of one object, is not available to us: 400, 403,
 * 404, 409, 410 or 451 on a request about that object. Unlike an authentication failure (401, or a 403
 * that rejects the token itself) it says nothing about the rest of the source, so a stream that reads
 * many objects catches it, notes the object as {@link Unreadable} and reads on. Where nobody catches it
 * (the stream's own listing), it fails the source like any {@link ConnectorException}.
 */
public class ObjectUnavailableException extends ConnectorException {

    private final int status;
    private final String reason;

    /**
     * @param status the HTTP status (or 200 for APIs such as Slack's that answer {@code ok:false})
     * @param reason the status and the API's own message, short, for the run's report
     */
    public ObjectUnavailableException(String source, int status, String reason, String message) {
        super(source, message);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** Why, in one short phrase: {@code HTTP 409 Git Repository is empty.} */
    public String reason() {
        return reason;
    }
}
