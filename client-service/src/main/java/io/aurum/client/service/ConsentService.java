package io.aurum.client.service;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.ConsentChannel;
import io.aurum.client.domain.ConsentPurpose;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consent per purpose: every grant and withdrawal is kept; the latest is in force and is published on
 * {@code client.consent}, so other services stop using data for a withdrawn purpose.
 */
@ApplicationScoped
public class ConsentService {

    public record Decision(String purpose, boolean granted, String channel, Instant at, String recordedBy) {
    }

    public record Consents(UUID clientId, Map<ConsentPurpose, Decision> current, List<Decision> history) {
    }

    private final ClientService clients;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager em;

    public ConsentService(ClientService clients, Outbox outbox, AuditTrail audit, EntityManager em) {
        this.clients = clients;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
    }

    /** The client records its own decisions (app: MOBILE); its RM or team lead records one given in branch or on paper. */
    @Transactional
    public Decision record(UUID clientId, ConsentPurpose purpose, Boolean granted, ConsentChannel channel, Caller caller) {
        Client client = clients.get(clientId, caller);
        boolean self = ClientAccess.isSelf(caller, client);
        if (!self && !ClientAccess.staffCanEdit(caller, client)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Consent is recorded by the client or its RM or team lead");
        }
        if (purpose == null) {
            throw ApiException.badField("purpose", "is required");
        }
        if (granted == null) {
            throw ApiException.badField("granted", "is required (true or false)");
        }
        if (self) {
            // the client's own act in the app: the channel is the server's fact, not the body's
            channel = ConsentChannel.MOBILE;
        } else if (channel == null) {
            throw ApiException.badField("channel", "say where the client gave this decision (BRANCH, PHONE, PAPER, …)");
        }
        if (client.erased() && granted) {
            throw ApiException.conflict("client-erased", "An erased client cannot grant consent");
        }
        return write(client, purpose, granted, channel, caller);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Decision write(Client client, ConsentPurpose purpose, boolean granted, ConsentChannel channel, Caller caller) {
        Instant now = Instant.now();
        String by = ClientService.actor(caller);
        em.createNativeQuery("INSERT INTO consent_record (client_id, purpose, granted, channel, recorded_at, recorded_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, client.id).setParameter(2, purpose.name()).setParameter(3, granted)
                .setParameter(4, channel.name()).setParameter(5, now).setParameter(6, by).executeUpdate();
        outbox.publish(ClientTopics.CONSENT, ClientEvents.CONSENT_CHANGED, ClientEvents.VERSION, client.id,
                new ClientEvents.ConsentChanged(client.id, purpose.name(), granted, channel.name(), now));
        audit.record(caller, AuditActions.CONSENT_CHANGED, client.id,
                purpose + (granted ? " granted" : " withdrawn") + " via " + channel, null);
        return new Decision(purpose.name(), granted, channel.name(), now, by);
    }

    @Transactional
    public Consents of(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        return load(clientId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Consents load(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT purpose, granted, channel, recorded_at, recorded_by"
                        + " FROM consent_record WHERE client_id = ?1 ORDER BY id")
                .setParameter(1, clientId).getResultList();
        List<Decision> history = new ArrayList<>();
        Map<ConsentPurpose, Decision> current = new EnumMap<>(ConsentPurpose.class);
        for (Object[] r : rows) {
            Decision d = new Decision((String) r[0], (Boolean) r[1], (String) r[2], Sql.instant(r[3]), (String) r[4]);
            history.add(d);
            current.put(ConsentPurpose.valueOf(d.purpose()), d);
        }
        return new Consents(clientId, current, history);
    }
}
