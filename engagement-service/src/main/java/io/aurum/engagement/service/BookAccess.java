package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import io.aurum.engagement.domain.ClientCard;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Object-level checks from engagement's client cards: RMs their book, team leads their team, advisors their clients,
 * compliance everything (read), a client itself. Outside one's reach is 404.
 */
@ApplicationScoped
public class BookAccess {

    public ClientCard requireRead(Caller caller, UUID clientId) {
        ClientCard card = clientId == null ? null : ClientCard.findById(clientId);
        if (card == null || !CoverageAccess.canRead(caller, clientId, card.primaryRmId, card.advisorId, card.team)) {
            throw ApiException.notFound("Client", clientId);
        }
        return card;
    }

    /** Reading as {@link #requireRead}, and ops (who run the catalogues and jobs) may read any client's figures. */
    public ClientCard requireReadOrOps(Caller caller, UUID clientId) {
        if (caller.is(Roles.OPS_ADMIN)) {
            ClientCard card = clientId == null ? null : ClientCard.findById(clientId);
            if (card == null) {
                throw ApiException.notFound("Client", clientId);
            }
            return card;
        }
        return requireRead(caller, clientId);
    }

    /** Working with a client (logging contacts, filing for it): its coverage team, not compliance, not the client. */
    public ClientCard requireStaff(Caller caller, UUID clientId) {
        ClientCard card = requireRead(caller, clientId);
        if (!isStaff(caller)) {
            throw new ApiException(403, "staff-only", "Only the client's RM, advisor or team lead may do this",
                    "this needs the client's coverage team");
        }
        return card;
    }

    public static boolean isStaff(Caller caller) {
        return caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.TEAM_LEAD) || caller.is(Roles.ADVISOR);
    }

    public static boolean isSelf(Caller caller, UUID clientId) {
        return caller.is(Roles.CLIENT) && clientId != null && clientId.equals(caller.clientId());
    }
}
