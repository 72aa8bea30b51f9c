package io.aurum.advisory.proposals;

import java.util.Locale;

/** Why an act on a proposal is refused: the field it concerns ({@code lines[i]}, {@code acceptance}…), a code, and words. */
public record Refusal(String field, Code code, String message) {

    public enum Code {
        /** The line is UNSUITABLE or NOT_ASSESSED. */
        LINE_REFUSED,
        /** Above the client's level: acceptable only as an exception compliance has approved (risk-service). */
        COMPLIANCE_APPROVAL_REQUIRED,
        /** No acknowledgement of the client's own covers the line's reasons. */
        ACKNOWLEDGEMENT_REQUIRED,
        /** The client acknowledged, but the line needs a second person's confirmation too (65 or over, R4+). */
        EXTRA_CONFIRMATION_REQUIRED,
        /** A branch capture waits for a second staff member. */
        SECOND_CONFIRMATION_REQUIRED,
        /** Staff may not act for the client: the client accepts in the app, or a branch capture is confirmed. */
        CLIENT_ACT_REQUIRED,
        /** Whoever captured an act cannot also confirm it. */
        SAME_STAFF_CONFIRMATION,
        /** Confirmations are staff's; a client cannot confirm. */
        STAFF_CONFIRMATION_ONLY,
        ALREADY_CONFIRMED,
        ALREADY_ACKNOWLEDGED,
        /** The line is SUITABLE: there is nothing to acknowledge. */
        NOTHING_TO_ACKNOWLEDGE,
        /** The reasons shown leave out some the line has. */
        ACKNOWLEDGEMENT_INCOMPLETE,
        /** The reasons shown include some the line does not have. */
        NOT_ON_THE_LINE,
        /** The client saw another version of the risk disclosure than the current one. */
        DISCLOSURE_OUTDATED;

        /** The problem type's slug: {@code ACKNOWLEDGEMENT_REQUIRED} → {@code acknowledgement-required}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The message as a problem's field error shows it: the code first, so callers can match it. */
    public String text() {
        return code.name() + ": " + message;
    }
}
