package io.aurum.common.security;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageAccessTest {

    static final UUID CLIENT = UUID.randomUUID();
    static final UUID RM = UUID.randomUUID();
    static final UUID OTHER_RM = UUID.randomUUID();
    static final UUID ADVISOR = UUID.randomUUID();

    static Caller caller(UUID user, String team, UUID clientId, String... roles) {
        return new Caller(user == null ? null : user.toString(), "u", Set.of(roles), team, clientId);
    }

    static boolean reads(Caller caller) {
        return CoverageAccess.canRead(caller, CLIENT, RM, ADVISOR, "team-a");
    }

    @Test
    void eachRoleSeesOnlyItsShare() {
        assertThat(reads(caller(RM, "team-a", null, Roles.RELATIONSHIP_MANAGER))).isTrue();
        assertThat(reads(caller(OTHER_RM, "team-a", null, Roles.RELATIONSHIP_MANAGER))).isFalse();
        assertThat(reads(caller(OTHER_RM, "team-a", null, Roles.TEAM_LEAD))).isTrue();
        assertThat(reads(caller(OTHER_RM, "team-b", null, Roles.TEAM_LEAD))).isFalse();
        assertThat(reads(caller(ADVISOR, null, null, Roles.ADVISOR))).isTrue();
        assertThat(reads(caller(OTHER_RM, null, null, Roles.ADVISOR))).isFalse();
        assertThat(reads(caller(OTHER_RM, null, null, Roles.COMPLIANCE_OFFICER))).isTrue();
        assertThat(reads(caller(UUID.randomUUID(), null, CLIENT, Roles.CLIENT))).isTrue();
        assertThat(reads(caller(UUID.randomUUID(), null, UUID.randomUUID(), Roles.CLIENT))).isFalse();
        assertThat(reads(caller(RM, "team-a", CLIENT, Roles.OPS_ADMIN, Roles.PARTNER))).isFalse();
    }

    @Test
    void aTeamLeadWithoutTeamSeesNoTeamlessClient() {
        assertThat(CoverageAccess.canRead(caller(RM, null, null, Roles.TEAM_LEAD), CLIENT, OTHER_RM, null, null)).isFalse();
    }
}
