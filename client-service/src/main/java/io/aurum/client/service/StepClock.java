package io.aurum.client.service;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Seconds per step of a long set-based job (an upload's apply, a tier evaluation), for its log line: each
 * {@link #end} closes the step that began where the previous one ended, or when the clock was made. One per run.
 */
public final class StepClock {

    private final StringJoiner steps = new StringJoiner(", ");
    private long last = System.nanoTime();

    /** Ends the current step, naming it. */
    public StepClock end(String step) {
        long now = System.nanoTime();
        steps.add(String.format(Locale.ROOT, "%s %.1f", step, (now - last) / 1e9));
        last = now;
        return this;
    }

    /** "step seconds, step seconds, …" */
    @Override
    public String toString() {
        return steps.toString();
    }
}
