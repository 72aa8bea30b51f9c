package io.aurum.common.security;

import java.util.UUID;

/**
 * Who may read data about a client, given the client's coverage team (product brief, roles table):
 * its primary RM, the team lead of its team, its advisor, compliance (read-only, everything) and the
 * client itself. Each service applies this to its own copy of the coverage, so object-level checks
 * stay in the service that owns the data.
 */
public final class CoverageAccess {

    private CoverageAccess() {
    }

    public static boolean canRead(Caller caller, UUID clientId, UUID primaryRmId, UUID advisorId, String team) {
        if (caller.is(Roles.COMPLIANCE_OFFICER)) {
            return true;
        }
        UUID me = caller.userId();
        if (caller.is(Roles.RELATIONSHIP_MANAGER) && me != null && me.equals(primaryRmId)) {
            return true;
        }
        if (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(team)) {
            return true;
        }
        if (caller.is(Roles.ADVISOR) && me != null && me.equals(advisorId)) {
            return true;
        }
        return caller.is(Roles.CLIENT) && clientId != null && clientId.equals(caller.clientId());
    }
}
