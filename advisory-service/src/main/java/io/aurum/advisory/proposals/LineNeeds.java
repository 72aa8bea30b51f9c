package io.aurum.advisory.proposals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one proposal line needs before the client can accept it, read from risk-service's verdict and reasons: nothing
 * (SUITABLE); the client's acknowledgement of the reasons that ask for one (REQUIRES_ACKNOWLEDGEMENT); on top of that a
 * second person's confirmation when the client is 65 or over and the product R4 or above; or a compliance-approved
 * exception when the rating is above the client's level. A refused or unassessed line cannot be accepted at all.
 *
 * @param line          1-based line number
 * @param reasonCodes   every reason risk-service gave for the line
 * @param toAcknowledge the reasons the client must acknowledge (empty for a suitable line)
 */
public record LineNeeds(int line, String productCode, String verdict, Set<String> reasonCodes, Set<String> toAcknowledge,
                        boolean extraConfirmation, boolean complianceApproval) {

    public static final String SUITABLE = "SUITABLE";
    public static final String REQUIRES_ACKNOWLEDGEMENT = "REQUIRES_ACKNOWLEDGEMENT";
    /** risk-service's reason for a client of 65 or over buying R4 or above. */
    public static final String ELDERLY_HIGH_RISK = "ELDERLY_HIGH_RISK";
    /** risk-service's reason for a rating above the client's level; with ACKNOWLEDGE severity it needs an approved exception. */
    public static final String RISK_ABOVE_LEVEL = "RISK_ABOVE_LEVEL";
    public static final String ACKNOWLEDGE = "ACKNOWLEDGE";

    /** One of risk-service's reasons: its code and severity (INFO, ACKNOWLEDGE, BLOCK, NOT_ASSESSED). */
    public record Reason(String code, String severity) {
    }

    public LineNeeds {
        reasonCodes = Set.copyOf(reasonCodes);
        toAcknowledge = Set.copyOf(toAcknowledge);
    }

    public static LineNeeds of(int line, String productCode, String verdict, List<Reason> reasons) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> ask = new LinkedHashSet<>();
        boolean compliance = false;
        for (Reason r : reasons) {
            all.add(r.code());
            if (ACKNOWLEDGE.equals(r.severity())) {
                ask.add(r.code());
                compliance |= RISK_ABOVE_LEVEL.equals(r.code());
            }
        }
        if (!REQUIRES_ACKNOWLEDGEMENT.equals(verdict)) {
            ask.clear();
        } else if (ask.isEmpty()) {
            // asked for an acknowledgement without a reason marked for one: the client acknowledges them all
            ask.addAll(all);
        }
        return new LineNeeds(line, productCode, verdict, all, ask, all.contains(ELDERLY_HIGH_RISK), compliance);
    }

    /** UNSUITABLE, NOT_ASSESSED or never checked: nothing the client or staff do makes it acceptable. */
    public boolean refused() {
        return !SUITABLE.equals(verdict) && !REQUIRES_ACKNOWLEDGEMENT.equals(verdict);
    }

    public boolean needsAcknowledgement() {
        return REQUIRES_ACKNOWLEDGEMENT.equals(verdict);
    }
}
