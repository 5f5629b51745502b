package dev.nightjar.connectors;

/** A single record that cannot be normalized; skipped, counted and reported, never silently dropped. */
public class MalformedRecordException extends RuntimeException {
    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
