package io.aurum.advisory.proposals;

import io.aurum.advisory.proposals.Refusal.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The client's own acts stay the client's (product brief, controls): a line that is not SUITABLE is accepted only on
 * the client's recorded acknowledgement of that line, and a proposal only on the client's acceptance — given under its
 * own login in the app, or captured at a branch by one staff member and confirmed by another. No staff member alone,
 * whatever they record or however they label it, can stand in for the client. Pure: every decision of the proposal
 * service about acknowledgements, confirmations and acceptance is one of these functions.
 */
public final class AcceptanceRule {

    private AcceptanceRule() {
    }

    /** The client gave it itself (app), or two different staff members captured and confirmed it (branch). */
    public static boolean isTheClientsOwn(Evidence e) {
        return switch (e.channel()) {
            case APP -> e.capturedBy().client();
            case BRANCH -> !e.capturedBy().client() && secondStaffConfirmed(e);
        };
    }

    /** Confirmed by a staff member other than the one who captured it. */
    public static boolean secondStaffConfirmed(Evidence e) {
        return e.confirmedBy() != null && !e.confirmedBy().client() && !e.confirmedBy().samePersonAs(e.capturedBy());
    }

    /** Whether this acknowledgement lets the line be accepted under the current disclosure. */
    public static boolean covers(Evidence e, LineNeeds line, String disclosureVersion) {
        return !e.isAcceptance() && e.line() == line.line()
                && e.reasonCodes().containsAll(line.toAcknowledge())
                && disclosureVersion.equals(e.disclosureVersion())
                && isTheClientsOwn(e)
                && (!line.extraConfirmation() || secondStaffConfirmed(e));
    }

    /** Recording an acknowledgement of {@code line} with what the client was shown. */
    public static List<Refusal> refuseAcknowledgement(LineNeeds line, Set<String> shown, String shownVersion,
                                                      String disclosureVersion, List<Evidence> recorded) {
        List<Refusal> out = new ArrayList<>();
        String field = "line";
        if (line.refused()) {
            out.add(new Refusal(field, Code.LINE_REFUSED, line.productCode() + " is " + line.verdict() + " ("
                    + String.join(", ", new TreeSet<>(line.reasonCodes())) + "); no acknowledgement can make it acceptable"));
            return out;
        }
        if (!line.needsAcknowledgement()) {
            out.add(new Refusal(field, Code.NOTHING_TO_ACKNOWLEDGE, line.productCode() + " is SUITABLE"));
            return out;
        }
        Set<String> missing = new TreeSet<>(line.toAcknowledge());
        missing.removeAll(shown);
        if (!missing.isEmpty()) {
            out.add(new Refusal("reasonCodes", Code.ACKNOWLEDGEMENT_INCOMPLETE, "the client must be shown and acknowledge "
                    + String.join(", ", missing) + " for " + line.productCode()));
        }
        Set<String> foreign = new TreeSet<>(shown);
        foreign.removeAll(line.reasonCodes());
        if (!foreign.isEmpty()) {
            out.add(new Refusal("reasonCodes", Code.NOT_ON_THE_LINE, String.join(", ", foreign) + " are not reasons of "
                    + line.productCode() + " (its reasons: " + String.join(", ", new TreeSet<>(line.reasonCodes())) + ")"));
        }
        if (!disclosureVersion.equals(shownVersion)) {
            out.add(disclosureOutdated("disclosureVersion", shownVersion, disclosureVersion));
        }
        if (out.isEmpty() && recorded.stream().anyMatch(e -> covers(e, line, disclosureVersion))) {
            out.add(new Refusal(field, Code.ALREADY_ACKNOWLEDGED, line.productCode() + " already carries the client's acknowledgement"));
        }
        return out;
    }

    /** A staff member confirming a capture (or, for an app acknowledgement, giving the extra confirmation). */
    public static List<Refusal> refuseConfirmation(Evidence e, Actor confirmer) {
        String field = e.isAcceptance() ? "acceptance" : "acknowledgement";
        if (confirmer.client()) {
            return List.of(new Refusal(field, Code.STAFF_CONFIRMATION_ONLY, "a confirmation is a second staff member's"));
        }
        if (e.confirmedBy() != null) {
            return List.of(new Refusal(field, Code.ALREADY_CONFIRMED, "confirmed by " + e.confirmedBy().name()));
        }
        if (confirmer.samePersonAs(e.capturedBy())) {
            return List.of(new Refusal(field, Code.SAME_STAFF_CONFIRMATION, e.capturedBy().name()
                    + " captured it and cannot also confirm it; another staff member must"));
        }
        return List.of();
    }

    /** What the lines still lack, whoever is accepting. */
    public static List<Refusal> refuseLines(List<LineNeeds> lines, List<Evidence> recorded, String disclosureVersion) {
        List<Refusal> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineNeeds line = lines.get(i);
            String field = "lines[" + i + "]";
            String codes = String.join(", ", new TreeSet<>(line.toAcknowledge()));
            if (line.refused()) {
                out.add(new Refusal(field, Code.LINE_REFUSED, line.productCode() + " is " + line.verdict()));
            } else if (line.complianceApproval()) {
                out.add(new Refusal(field, Code.COMPLIANCE_APPROVAL_REQUIRED, line.productCode() + " is above the client's"
                        + " level (RISK_ABOVE_LEVEL): it needs a suitability exception approved by compliance, then a new proposal"));
            } else if (line.needsAcknowledgement() && recorded.stream().noneMatch(e -> covers(e, line, disclosureVersion))) {
                out.add(missingAcknowledgement(field, line, codes, recorded, disclosureVersion));
            }
        }
        return out;
    }

    /** Accepting the proposal with {@code act}: the lines' evidence, and the act itself being the client's own. */
    public static List<Refusal> refuseAcceptance(List<LineNeeds> lines, List<Evidence> recorded, Evidence act,
                                                 String disclosureVersion) {
        return refuseAct(lines, recorded, act, disclosureVersion,
                isTheClientsOwn(act) ? null : notTheClientsOwn("acceptance", act, "the acceptance"));
    }

    /**
     * Staff recording, at a branch, that the client accepts: allowed once the lines carry the client's acknowledgements;
     * the capture is not an acceptance until a second staff member confirms it ({@link #refuseAcceptance}).
     */
    public static List<Refusal> refuseBranchCapture(List<LineNeeds> lines, List<Evidence> recorded, Evidence act,
                                                    String disclosureVersion) {
        boolean staffAtABranch = !act.capturedBy().client() && act.channel() == Channel.BRANCH;
        return refuseAct(lines, recorded, act, disclosureVersion, staffAtABranch ? null
                : new Refusal("acceptance", Code.CLIENT_ACT_REQUIRED, "a branch capture is staff's; the client accepts in the app"));
    }

    private static List<Refusal> refuseAct(List<LineNeeds> lines, List<Evidence> recorded, Evidence act,
                                           String disclosureVersion, Refusal actRefused) {
        if (!act.isAcceptance()) {
            throw new IllegalArgumentException("an acceptance has no line");
        }
        List<Refusal> out = new ArrayList<>(refuseLines(lines, recorded, disclosureVersion));
        if (actRefused != null) {
            out.add(actRefused);
        }
        if (!disclosureVersion.equals(act.disclosureVersion())) {
            out.add(disclosureOutdated("acceptance", act.disclosureVersion(), disclosureVersion));
        }
        return out;
    }

    private static Refusal missingAcknowledgement(String field, LineNeeds line, String codes, List<Evidence> recorded,
                                                  String disclosureVersion) {
        List<Evidence> forLine = recorded.stream().filter(e -> !e.isAcceptance() && e.line() == line.line()
                && e.reasonCodes().containsAll(line.toAcknowledge()) && disclosureVersion.equals(e.disclosureVersion())).toList();
        if (line.extraConfirmation() && forLine.stream().anyMatch(AcceptanceRule::isTheClientsOwn)) {
            return new Refusal(field, Code.EXTRA_CONFIRMATION_REQUIRED, line.productCode() + " (" + codes + "): the client is 65"
                    + " or over and the product R4 or above; a staff member other than the one who captured it must confirm"
                    + " the client's acknowledgement");
        }
        for (Evidence e : forLine) {
            if (!isTheClientsOwn(e)) {
                return notTheClientsOwn(field, e, line.productCode() + "'s acknowledgement of " + codes);
            }
        }
        return new Refusal(field, Code.ACKNOWLEDGEMENT_REQUIRED, line.productCode() + " needs the client's acknowledgement"
                + " of " + codes + " (in the app, or captured at a branch and confirmed by a second staff member)");
    }

    private static Refusal notTheClientsOwn(String field, Evidence e, String what) {
        if (e.awaitsConfirmation() && !e.capturedBy().client()) {
            return new Refusal(field, Code.SECOND_CONFIRMATION_REQUIRED, what + " was captured at the branch by "
                    + e.capturedBy().name() + " and waits for a second staff member's confirmation");
        }
        if (e.channel() == Channel.BRANCH && e.confirmedBy() != null && e.confirmedBy().samePersonAs(e.capturedBy())) {
            return new Refusal(field, Code.SAME_STAFF_CONFIRMATION, what + " was captured and confirmed by the same person ("
                    + e.capturedBy().name() + ")");
        }
        return new Refusal(field, Code.CLIENT_ACT_REQUIRED, what + " must be the client's own act: in the app under its"
                + " own login, or captured at a branch and confirmed by a second staff member; "
                + e.capturedBy().name() + " cannot give it for the client");
    }

    private static Refusal disclosureOutdated(String field, String shown, String current) {
        return new Refusal(field, Code.DISCLOSURE_OUTDATED, "the client was shown risk disclosure " + shown
                + "; the current one is " + current + ": show it again");
    }
}
