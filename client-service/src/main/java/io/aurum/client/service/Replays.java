package io.aurum.client.service;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes every client's current state again — ClientProfileUpdated, ClientFinancialFactsUpdated (when known) and
 * the latest ClientConsentChanged per purpose — so that a consumer that starts after the events aged out of the
 * topics (a new service, a rebuilt read model) learns every client. The events are new (new ids); consumers overwrite
 * what they keep with them, so a replay changes nothing for a service that was already current. Keyset batches of
 * 500 clients, each in its own transaction through the outbox. One at a time, and at most one per
 * {@code aurum.replay.min-interval} (default 10 minutes; 409 otherwise); each is audited when it starts and ends.
 */
@ApplicationScoped
public class Replays {

    public record Result(long clients, long profileEvents, long financialFactsEvents, long consentEvents, long tookMs) {
    }

    private static final Logger LOG = Logger.getLogger(Replays.class);
    private static final int BATCH = 500;

    private final ClientService clients;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager em;

    private final java.time.Duration minInterval;

    public Replays(ClientService clients, Outbox outbox, AuditTrail audit, EntityManager em,
                   @ConfigProperty(name = "aurum.replay.min-interval", defaultValue = "PT10M") java.time.Duration minInterval) {
        this.minInterval = minInterval;
        this.clients = clients;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
    }

    public Result replay(Caller caller) {
        // one replay at a time, and not again within the minimum interval: a replay is a storm of events for every
        // consumer, not something to repeat by accident
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(12, 0)").getSingleResult();
            Number recent = (Number) em.createNativeQuery("SELECT count(*) FROM audit_event WHERE action = ?1 AND at > ?2")
                    .setParameter(1, AuditActions.READ_MODELS_REPLAYED).setParameter(2, Instant.now().minus(minInterval))
                    .getSingleResult();
            if (recent.longValue() > 0) {
                throw new ApiException(409, "replay-too-soon", "A replay ran recently",
                        "the last replay started less than " + minInterval + " ago (aurum.replay.min-interval); try later");
            }
            audit.record(caller, AuditActions.READ_MODELS_REPLAYED, null, "replay started", "READ_MODEL_REBUILD");
        });
        long started = System.nanoTime();
        long[] counts = new long[4];
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            UUID last = QuarkusTransaction.requiringNew().call(() -> {
                List<Client> batch = Client.find("id > ?1 order by id", from).page(0, BATCH).list();
                for (Client c : batch) {
                    clients.publishProfileUpdated(c);
                    counts[1]++;
                    if (ClientService.hasFinancialFacts(c)) {
                        clients.publishFinancialFacts(c);
                        counts[2]++;
                    }
                    counts[3] += replayConsents(c.id);
                }
                counts[0] += batch.size();
                return batch.isEmpty() ? null : batch.get(batch.size() - 1).id;
            });
            if (last == null) {
                break;
            }
            after = last;
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        QuarkusTransaction.requiringNew().run(() -> audit.record(caller, AuditActions.READ_MODELS_REPLAYED, null,
                counts[0] + " client(s): " + counts[1] + " profile, " + counts[2] + " financial-facts, " + counts[3]
                        + " consent event(s)", "READ_MODEL_REBUILD"));
        LOG.infof("Replayed %d clients in %d ms", counts[0], tookMs);
        return new Result(counts[0], counts[1], counts[2], counts[3], tookMs);
    }

    private int replayConsents(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("SELECT DISTINCT ON (purpose) purpose, granted, channel, recorded_at"
                + " FROM consent_record WHERE client_id = ?1 ORDER BY purpose, id DESC").setParameter(1, clientId).getResultList();
        for (Object[] r : latest) {
            Instant at = r[3] instanceof Instant i ? i : r[3] instanceof java.time.OffsetDateTime o ? o.toInstant()
                    : ((java.sql.Timestamp) r[3]).toInstant();
            outbox.publish(ClientTopics.CONSENT, ClientEvents.CONSENT_CHANGED, ClientEvents.VERSION, clientId,
                    new ClientEvents.ConsentChanged(clientId, (String) r[0], (Boolean) r[1], (String) r[2], at));
        }
        return latest.size();
    }
}
