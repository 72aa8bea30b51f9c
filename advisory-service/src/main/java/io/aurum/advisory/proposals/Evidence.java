package io.aurum.advisory.proposals;

import java.util.Set;

/**
 * One recorded act of the client's on a proposal (适当性留痕): its acknowledgement of one line — the reason codes and the
 * disclosure version it was shown — or its acceptance of the whole proposal ({@code line} null). In the app the client
 * gives it itself; at a branch a staff member captures it and a second staff member confirms it. A staff confirmation
 * of an app acknowledgement is the extra confirmation an elderly client's high-risk line needs.
 *
 * @param line 1-based line number of the proposal, or null for the acceptance
 */
public record Evidence(Integer line, Set<String> reasonCodes, String disclosureVersion, Channel channel, Actor capturedBy,
                       Actor confirmedBy) {

    public Evidence {
        reasonCodes = Set.copyOf(reasonCodes);
    }

    public static Evidence acknowledgement(int line, Set<String> shown, String disclosureVersion, Actor by) {
        return new Evidence(line, shown, disclosureVersion, Channel.of(by), by, null);
    }

    public static Evidence acceptance(String disclosureVersion, Actor by) {
        return new Evidence(null, Set.of(), disclosureVersion, Channel.of(by), by, null);
    }

    public Evidence confirmedBy(Actor staff) {
        return new Evidence(line, reasonCodes, disclosureVersion, channel, capturedBy, staff);
    }

    public boolean isAcceptance() {
        return line == null;
    }

    /** A branch capture nobody has confirmed yet. */
    public boolean awaitsConfirmation() {
        return channel == Channel.BRANCH && confirmedBy == null;
    }
}
