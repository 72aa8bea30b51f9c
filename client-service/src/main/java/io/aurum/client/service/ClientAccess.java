package io.aurum.client.service;

import io.aurum.client.domain.Client;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;

import java.util.UUID;

/**
 * Object-level rules for a client profile, applied here because client-service owns the data. Reading follows
 * {@link CoverageAccess} (plus the private banker); anyone else gets 404, not 403, so ids do not leak.
 */
public final class ClientAccess {

    private ClientAccess() {
    }

    public static boolean canRead(Caller caller, Client client) {
        return CoverageAccess.canRead(caller, client.id, client.primaryRmId, client.advisorId, client.team)
                || coversAsRm(caller, client);
    }

    /** Staff who may change the profile: its RM or private banker, the team lead of its team. */
    public static boolean staffCanEdit(Caller caller, Client client) {
        return coversAsRm(caller, client)
                || (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(client.team));
    }

    public static boolean isSelf(Caller caller, Client client) {
        return caller.is(Roles.CLIENT) && client.id.equals(caller.clientId());
    }

    /** Who may see identity number, phone, e-mail and address unmasked (each such read is audited). */
    public static boolean canReveal(Caller caller, Client client) {
        return isSelf(caller, client) || staffCanEdit(caller, client) || caller.is(Roles.COMPLIANCE_OFFICER);
    }

    static boolean coversAsRm(Caller caller, Client client) {
        UUID me = caller.userId();
        return caller.is(Roles.RELATIONSHIP_MANAGER) && me != null
                && (me.equals(client.primaryRmId) || me.equals(client.privateBankerId));
    }
}
