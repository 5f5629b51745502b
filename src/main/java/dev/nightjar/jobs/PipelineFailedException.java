package dev.nightjar.jobs;

/** The nightly job finished but some sources failed; the message names them and why (exit code 1). */
public class PipelineFailedException extends RuntimeException {
    public PipelineFailedException(String message) {
        super(message);
    }
}
