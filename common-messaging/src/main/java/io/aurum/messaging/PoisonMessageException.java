package io.aurum.messaging;

/** A message that can never be processed; the failure strategy sends it to the consumer's DLQ topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }
}
