package dev.nightjar.truth;

/** The request is understood but not allowed for this person (exit code 3). */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
