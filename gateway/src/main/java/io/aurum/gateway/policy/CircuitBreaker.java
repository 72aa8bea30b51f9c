package io.aurum.gateway.policy;

import java.util.function.LongSupplier;

/**
 * One upstream's circuit: after {@code threshold} consecutive failures it opens, and requests are refused at once
 * for {@code openNanos}; then one trial request goes through (half-open) and its outcome closes or reopens it. A
 * trial holds the half-open circuit for at most {@code trialLeaseNanos}: one slow request (a long report, a caller who
 * walked away) cannot keep every other caller out; after the lease the next request is a trial too.
 * Pure apart from the injectable clock.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final long trialLeaseNanos;
    private final LongSupplier clock;
    private int consecutiveFailures;
    private long trialStartedAt;
    private long openedAt;
    private State state = State.CLOSED;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, long openNanos, long trialLeaseNanos, LongSupplier clock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.trialLeaseNanos = trialLeaseNanos;
        this.clock = clock;
    }

    /** May a request go to the upstream now? */
    public synchronized boolean allowRequest() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            long now = clock.getAsLong();
            if (trialInFlight && now - trialStartedAt < trialLeaseNanos) {
                return false;
            }
            trialInFlight = true;
            trialStartedAt = now;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }
}
