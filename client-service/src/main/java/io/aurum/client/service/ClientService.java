package io.aurum.client.service;

import io.aurum.client.domain.Client;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.Tier;
import io.aurum.client.messaging.ClientRegistered;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.rest.NewClient;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.messaging.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    private final Outbox outbox;

    public ClientService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Client register(NewClient request, Caller caller) {
        return register(UUID.randomUUID(), request, caller);
    }

    /** Registers a client under a given id (demo data uses the ids the realm's client users carry). */
    @Transactional
    public Client register(UUID id, NewClient request, Caller caller) {
        LifecycleStatus status = request.lifecycleStatus() == null ? LifecycleStatus.PROSPECT : request.lifecycleStatus();
        if (status != LifecycleStatus.PROSPECT && status != LifecycleStatus.ACTIVE) {
            throw ApiException.badField("lifecycleStatus", "a new client starts as PROSPECT or ACTIVE");
        }
        UUID primaryRm = request.primaryRmId();
        if (caller.is(Roles.RELATIONSHIP_MANAGER) && !caller.is(Roles.TEAM_LEAD)) {
            if (primaryRm != null && !primaryRm.equals(caller.userId())) {
                throw ApiException.badField("primaryRmId", "an RM registers clients into their own book; ask the team lead to assign another RM");
            }
            primaryRm = caller.userId();
        }
        Instant now = Instant.now();
        Client client = new Client();
        client.id = id;
        client.fullName = request.fullName().strip();
        client.latinName = request.latinName() == null ? null : request.latinName().strip();
        client.birthDate = request.birthDate();
        client.lifecycleStatus = status;
        client.tier = Tier.MASS;
        client.primaryRmId = primaryRm;
        client.advisorId = request.advisorId();
        client.team = caller.team();
        client.createdAt = now;
        client.updatedAt = now;
        client.persist();
        outbox.publish(ClientTopics.PROFILE, ClientRegistered.TYPE, ClientRegistered.VERSION, client.id,
                ClientRegistered.of(client));
        LOG.infof("Client %s registered (%s) by %s", client.id, status, caller.subject());
        return client;
    }

    @Transactional
    public Client get(UUID id, Caller caller) {
        Client client = Client.findById(id);
        if (client == null || !ClientAccess.canRead(caller, client)) {
            throw ApiException.notFound("Client", id);
        }
        return client;
    }

    /** The clients the caller may see, newest first, optionally narrowed to the caller's own book. */
    @Transactional
    public Page<Client> list(Caller caller, boolean ownBookOnly, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (ownBookOnly) {
            where.add("primaryRmId = :me");
            params.and("me", caller.userId());
        } else if (!caller.is(Roles.COMPLIANCE_OFFICER)) {
            List<String> scopes = new ArrayList<>();
            if (caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.ADVISOR)) {
                scopes.add("primaryRmId = :me or advisorId = :me");
                params.and("me", caller.userId());
            }
            if (caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
                scopes.add("team = :team");
                params.and("team", caller.team());
            }
            if (caller.is(Roles.CLIENT) && caller.clientId() != null) {
                scopes.add("id = :self");
                params.and("self", caller.clientId());
            }
            if (scopes.isEmpty()) {
                return Page.of(List.of(), page, size, 0);
            }
            where.add("(" + String.join(" or ", scopes) + ")");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<Client> q = query.isEmpty()
                ? Client.findAll(Sort.descending("createdAt").and("id"))
                : Client.find(query, Sort.descending("createdAt").and("id"), params);
        long total = q.count();
        List<Client> items = q.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return Page.of(items, page, size, total);
    }
}
