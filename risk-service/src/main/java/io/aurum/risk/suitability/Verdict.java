package io.aurum.risk.suitability;

/** Ordered from best to worst: the overall verdict of a proposal is its worst line. */
public enum Verdict {
    SUITABLE,
    REQUIRES_ACKNOWLEDGEMENT,
    UNSUITABLE,
    /** No valid risk profile (missing or expired): nothing can be checked until the client is (re)assessed. */
    NOT_ASSESSED;

    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
