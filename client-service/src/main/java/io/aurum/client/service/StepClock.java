package io.aurum.client.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Seconds per step of a long set-based job (an upload's apply, a tier evaluation), for its log line: each
 * {@link #end} closes the step that began where the previous one ended, or when the clock was made. Ending a step
 * only reads the clock; the text is made when the line is written (a snapshot batch's follow-up times its steps too,
 * and nobody prints them). One per run.
 */
public final class StepClock {

    private final List<String> steps = new ArrayList<>(6);
    private final List<Long> nanos = new ArrayList<>(6);
    private long last = System.nanoTime();

    /** Ends the current step, naming it. */
    public StepClock end(String step) {
        long now = System.nanoTime();
        steps.add(step);
        nanos.add(now - last);
        last = now;
        return this;
    }

    /** "step seconds, step seconds, …" */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ");
        for (int i = 0; i < steps.size(); i++) {
            out.add(String.format(Locale.ROOT, "%s %.1f", steps.get(i), nanos.get(i) / 1e9));
        }
        return out.toString();
    }
}
