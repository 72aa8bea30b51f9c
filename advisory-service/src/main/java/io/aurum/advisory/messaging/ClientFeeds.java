package io.aurum.advisory.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.ClientRef;
import io.aurum.advisory.service.DriftMonitor;
import io.aurum.common.events.EventEnvelope;
import io.aurum.messaging.BatchApply;
import io.aurum.messaging.IdempotentConsumer;
import io.aurum.messaging.PoisonMessageException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.aurum.messaging.EventFields.amount;
import static io.aurum.messaging.EventFields.clientId;
import static io.aurum.messaging.EventFields.date;
import static io.aurum.messaging.EventFields.decimal;
import static io.aurum.messaging.EventFields.instant;
import static io.aurum.messaging.EventFields.text;
import static io.aurum.messaging.EventFields.uuid;

/**
 * advisory-service's read models from other services' events (docs/events.md): the coverage team and lifecycle from
 * client.profile, the risk level and its validity from risk.profile, the holdings per asset class from client.aum
 * (after which the client's drift is evaluated). Each consumer is idempotent on the event id; a message that cannot
 * be applied goes to advisory-service.dlq and consumption goes on.
 */
@ApplicationScoped
public class ClientFeeds {

    private static final Logger LOG = Logger.getLogger(ClientFeeds.class);
    private static final String CONSUMER_AUM = "advisory-service/client.aum";
    /** client.aum's events advisory-service acts on (LargeOutflowDetected is engagement-service's). */
    private static final Set<String> AUM_TYPES = Set.of("ClientAumChanged");

    private final IdempotentConsumer consumer;
    private final DriftMonitor drift;
    private final EntityManager em;
    private final MutinyEmitter<String> deadLetters;

    public ClientFeeds(IdempotentConsumer consumer, DriftMonitor drift, EntityManager em,
                       @Channel("advisory-dlq") MutinyEmitter<String> deadLetters) {
        this.consumer = consumer;
        this.drift = drift;
        this.em = em;
        this.deadLetters = deadLetters;
    }

    @Incoming("client-profile")
    @Blocking
    @Transactional
    public void onProfile(String message) {
        consumer.apply("advisory-service/client.profile", message, event -> {
            JsonNode p = event.payload();
            switch (event.type()) {
                case "ClientRegistered", "ClientProfileUpdated" -> {
                    ClientRef ref = ClientRef.getOrNew(clientId(event));
                    ref.displayName = text(p, "fullName");
                    ref.lifecycleStatus = text(p, "lifecycleStatus");
                    ref.tier = text(p, "tier");
                    ref.primaryRmId = uuid(p, "primaryRmId");
                    ref.advisorId = uuid(p, "advisorId");
                    ref.team = text(p, "team");
                    ref.erased = p.path("erased").asBoolean(false);
                    ref.amlRiskRating = text(p, "amlRiskRating");
                    ref.pep = p.path("pep").asBoolean(false);
                    ref.kycReviewDate = p.hasNonNull("kycReviewDate") ? java.time.LocalDate.parse(p.get("kycReviewDate").asText()) : null;
                    ref.eddApproved = p.path("eddApproved").asBoolean(false);
                    ref.updatedAt = Instant.now();
                }
                case "ClientClosed" -> {
                    ClientRef ref = ClientRef.getOrNew(clientId(event));
                    ref.lifecycleStatus = "CLOSED";
                    ref.erased = ref.erased || p.path("erased").asBoolean(false);
                    ref.updatedAt = Instant.now();
                }
                default -> LOG.debugf("%s is not used by advisory-service", event.type());
            }
        });
    }

    @Incoming("risk-profile")
    @Blocking
    @Transactional
    public void onRiskProfile(String message) {
        consumer.apply("advisory-service/risk.profile", message, Set.of("RiskProfileAssessed"), event -> {
            JsonNode p = event.payload();
            String level = text(p, "level");
            if (level == null || !level.matches("C[1-5]")) {
                throw new PoisonMessageException("RiskProfileAssessed " + event.eventId() + " has no level C1–C5");
            }
            ClientRef ref = ClientRef.getOrNew(clientId(event));
            ref.riskLevel = level;
            ref.riskValidUntil = instant(p, "validUntil");
            ref.assessmentId = uuid(p, "assessmentId");
            ref.updatedAt = Instant.now();
        });
    }

    /**
     * client.aum carries an event per client and snapshot — hundreds per second while positions arrive — so it is
     * consumed a poll's batch per transaction ({@link BatchApply}); each event still applies once (idempotent on its id).
     */
    @Incoming("client-aum")
    @Blocking
    public void onAumBatch(ConsumerRecords<String, String> records) {
        // the drift of every client whose holdings changed, once per batch (set-based) rather than once per event
        BatchApply.<UUID>apply(records, deadLetters, batch -> consumer.markAhead(CONSUMER_AUM, AUM_TYPES, batch), this::onAum,
                touched -> drift.evaluate(List.copyOf(touched)));
    }

    /** One client.aum event, in the batch's transaction; a client whose holdings it replaced goes into {@code touched}. */
    void onAum(String message, Collection<UUID> touched) {
        consumer.apply(CONSUMER_AUM, message, AUM_TYPES, event -> {
            JsonNode p = event.payload();
            UUID clientId = clientId(event);
            LocalDate asOf = date(p, "asOf");
            ClientRef ref = ClientRef.getOrNew(clientId);
            if (ref.holdingsAsOf != null && asOf != null && asOf.isBefore(ref.holdingsAsOf)) {
                LOG.debugf("ClientAumChanged %s is older than the holdings kept (%s); skipped", event.eventId(), ref.holdingsAsOf);
                return;
            }
            ref.aumCny = amount(p, "aumCny");
            ref.highRiskCny = amount(p, "highRiskHoldingsCny");
            ref.holdingsAsOf = asOf;
            ref.updatedAt = Instant.now();
            JsonNode byClass = p.path("byAssetClass");
            if (!byClass.isObject()) {
                return;
            }
            ref.flush();
            em.createNativeQuery("DELETE FROM holding WHERE client_id = ?1").setParameter(1, clientId).executeUpdate();
            for (Iterator<Map.Entry<String, JsonNode>> it = byClass.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                AssetClass c;
                try {
                    c = AssetClass.valueOf(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new PoisonMessageException("ClientAumChanged " + event.eventId() + ": unknown asset class " + e.getKey());
                }
                em.createNativeQuery("INSERT INTO holding (client_id, asset_class, amount_cny) VALUES (?1, ?2, ?3)")
                        .setParameter(1, clientId).setParameter(2, c.name()).setParameter(3, decimal(e.getValue().asText(), "byAssetClass." + c))
                        .executeUpdate();
            }
            touched.add(clientId);
        });
    }
}
