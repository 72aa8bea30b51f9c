package io.aurum.engagement.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurum.common.events.EventEnvelope;
import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.loyalty.PointsRules;
import io.aurum.engagement.performance.History;
import io.aurum.engagement.domain.TaskType;
import io.aurum.engagement.service.Tasks;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import static io.aurum.messaging.EventFields.clientId;
import static io.aurum.messaging.EventFields.text;
import static io.aurum.messaging.EventFields.uuid;

/**
 * Tasks from other services' events (docs/events.md): a tier upgrade asks for a welcome call within 3 days (and,
 * for PLATINUM and above without an RM, the team lead to assign one); an approaching downgrade or a large outflow
 * asks for a retention call; an expiring risk profile asks for a reassessment, and a new assessment closes that
 * task. Each consumer is idempotent on the event id, and the task table is unique per source event and type. AUM and
 * tier changes are also kept as history for the monthly figures ({@link History}).
 */
@ApplicationScoped
public class TaskTriggers {

    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(TaskTriggers.class);
    private static final Set<String> NEEDS_NAMED_RM = Set.of("PLATINUM", "DIAMOND", "PRIVATE");
    private static final String CONSUMER_TIER = "engagement-service/client.tier";
    private static final String CONSUMER_AUM = "engagement-service/client.aum";

    private final IdempotentConsumer consumer;
    private final Tasks tasks;
    private final EngagementConfig config;
    private final EntityManager em;
    private final PointsRules points;
    private final History history;
    private final MutinyEmitter<String> deadLetters;

    public TaskTriggers(IdempotentConsumer consumer, Tasks tasks, EngagementConfig config, EntityManager em, PointsRules points,
                        History history, @Channel("engagement-dlq") MutinyEmitter<String> deadLetters) {
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.tasks = tasks;
        this.config = config;
        this.em = em;
        this.points = points;
        this.history = history;
    }

    /**
     * client.tier: a month-end (or an upload's tiering) emits an event per changed client — hundreds of thousands at
     * once — so it is consumed a poll's batch per transaction like client.aum ({@link BatchApply}).
     */
    @Incoming("client-tier")
    @Blocking
    public void onTierBatch(ConsumerRecords<String, String> records) {
        BatchApply.apply(records, deadLetters, batch -> consumer.markAhead(CONSUMER_TIER, null, batch), this::onTier);
    }

    /** One client.tier event, in the batch's transaction. */
    void onTier(String message) {
        handle(CONSUMER_TIER, message, event -> {
            JsonNode p = event.payload();
            UUID client = clientId(event);
            switch (event.type()) {
                case "ClientTierChanged" -> {
                    history.tierChanged(client, p, event.eventId(), event.occurredAt());
                    if (!"UPGRADE".equals(p.path("direction").asText())) {
                        return;
                    }
                    String tier = p.path("toTier").asText();
                    points.tierUpgrade(client, tier, event.eventId());
                    tasks.fromEvent(new Tasks.Request(client, uuid(p, "primaryRmId"), text(p, "team"), TaskType.WELCOME_CALL,
                            TaskPriority.NORMAL, "Welcome call: upgraded to " + tier, event.occurredAt().plus(Duration.ofDays(3)),
                            event.eventId(), event.type()));
                    if (NEEDS_NAMED_RM.contains(tier) && !p.hasNonNull("primaryRmId")) {
                        tasks.fromEvent(new Tasks.Request(client, null, text(p, "team"), TaskType.ASSIGN_RM,
                                TaskPriority.HIGH, tier + " client without a named RM: assign one",
                                event.occurredAt().plus(Duration.ofDays(1)), event.eventId(), event.type()));
                    }
                }
                case "ClientTierDowngradeApproaching" -> {
                    ClientCard.lockOrCreate(client, event.eventId(), event.occurredAt()).downgradeWarnedAt = event.occurredAt();
                    tasks.fromEvent(new Tasks.Request(client, uuid(p, "primaryRmId"),
                        text(p, "team"), TaskType.RETENTION_CALL, TaskPriority.HIGH,
                        "Retention call: " + p.path("tier").asText() + " would become " + p.path("wouldBecome").asText()
                                + " at the next month-end", event.occurredAt().plus(Duration.ofDays(7)),
                        event.eventId(), event.type()));
                }
                default -> LOG.debugf("%s is not a task trigger", event.type());
            }
        });
    }

    /**
     * client.aum carries an event per client and snapshot (ClientAumChanged) — the busiest topic — so it is consumed a
     * poll's batch per transaction ({@link BatchApply}); each event still applies once (idempotent on its id). The
     * batch's AUM days are read (and checked) per event and stored together at its end, with one statement.
     */
    @Incoming("client-aum")
    @Blocking
    public void onAumBatch(ConsumerRecords<String, String> records) {
        BatchApply.apply(records, deadLetters, batch -> consumer.markAhead(CONSUMER_AUM, null, batch), this::onAum,
                history::aum);
    }

    /** One client.aum event, in the batch's transaction; a ClientAumChanged's day is added to {@code days}. */
    void onAum(String message, Collection<History.AumDay> days) {
        handle(CONSUMER_AUM, message, event -> {
            if ("ClientAumChanged".equals(event.type())) {
                days.add(History.aumDay(clientId(event), event.payload(), event.eventId()));
                return;
            }
            if (!"LargeOutflowDetected".equals(event.type())) {
                return;
            }
            JsonNode p = event.payload();
            // the profile may not have arrived yet (another topic): the facts go on the (placeholder) card all the same
            ClientCard card = ClientCard.lockOrCreate(clientId(event), event.eventId(), event.occurredAt());
            card.lastOutflowAt = event.occurredAt();
            card.lastOutflowRatio = p.hasNonNull("outflowRatio") ? new java.math.BigDecimal(p.get("outflowRatio").asText()) : null;
            // same day: due at the end of the bank's business day the outflow was seen
            Instant endOfDay = LocalDate.ofInstant(event.occurredAt(), BANK_ZONE).plusDays(1).atStartOfDay(BANK_ZONE)
                    .toInstant().minusSeconds(1);
            tasks.fromEvent(new Tasks.Request(clientId(event), uuid(p, "primaryRmId"), text(p, "team"),
                    TaskType.RETENTION_CALL, TaskPriority.URGENT, "Retention call: net outflow of CNY "
                    + p.path("outflowCny").asText() + " since " + p.path("windowStart").asText(), endOfDay,
                    event.eventId(), event.type()));
        });
    }

    @Incoming("risk-profile")
    @Blocking
    @Transactional
    public void onRiskProfile(String message) {
        handle("engagement-service/risk.profile", message, event -> {
            UUID client = clientId(event);
            switch (event.type()) {
                case "RiskProfileExpiring" -> {
                    Instant due;
                    try {
                        due = Instant.parse(event.payload().path("validUntil").asText());
                    } catch (DateTimeParseException e) {
                        throw new PoisonMessageException("RiskProfileExpiring " + event.eventId() + " without validUntil");
                    }
                    tasks.fromEvent(new Tasks.Request(client, null, null, TaskType.REASSESS_RISK, TaskPriority.NORMAL,
                            "Reassess the risk profile (expires " + LocalDate.ofInstant(due, BANK_ZONE) + ")", due,
                            event.eventId(), event.type()));
                }
                case "RiskProfileAssessed" -> tasks.closeBecauseResolved(client, TaskType.REASSESS_RISK,
                        "closed automatically: the risk profile was reassessed");
                default -> LOG.debugf("%s is not a task trigger", event.type());
            }
        });
    }

    /**
     * Proposals (advisory.proposal): a presented proposal gets a follow-up for its advisor's RM, due when it has been
     * unanswered for 14 days; an answer or expiry closes it. Accepted lines with a maturity date are remembered so the
     * daily job can ask for a maturity follow-up.
     */
    @Incoming("advisory-proposal")
    @Blocking
    @Transactional
    public void onProposal(String message) {
        handle("engagement-service/advisory.proposal", message, event -> {
            JsonNode p = event.payload();
            UUID client = clientId(event);
            UUID proposal = uuid(p, "proposalId");
            if (proposal == null) {
                throw new PoisonMessageException(event.type() + " " + event.eventId() + " names no proposal");
            }
            switch (event.type()) {
                case "ProposalPresented" -> {
                    Instant presented = p.hasNonNull("presentedAt") ? Instant.parse(p.get("presentedAt").asText()) : event.occurredAt();
                    em.createNativeQuery("INSERT INTO proposal_watch (proposal_id, client_id, presented_at) VALUES (?1, ?2, ?3)"
                                    + " ON CONFLICT (proposal_id) DO NOTHING")
                            .setParameter(1, proposal).setParameter(2, client).setParameter(3, presented).executeUpdate();
                    tasks.fromJob(new Tasks.Scheduled(client, uuid(p, "primaryRmId"), text(p, "team"),
                            TaskType.PROPOSAL_FOLLOW_UP, TaskPriority.NORMAL, "Follow up the proposal of CNY "
                            + p.path("amount").asText() + " presented " + LocalDate.ofInstant(presented, BANK_ZONE)
                            + " if the client has not answered", presented.plus(config.proposalFollowUpAfter()),
                            "PROPOSAL:" + proposal, null, proposal));
                }
                case "ProposalAccepted", "ProposalRejected", "ProposalExpired" -> {
                    String outcome = event.type().substring("Proposal".length()).toUpperCase(java.util.Locale.ROOT);
                    em.createNativeQuery("UPDATE proposal_watch SET answered_at = ?2, outcome = ?3 WHERE proposal_id = ?1")
                            .setParameter(1, proposal).setParameter(2, event.occurredAt()).setParameter(3, outcome).executeUpdate();
                    tasks.closeRelated(proposal, TaskType.PROPOSAL_FOLLOW_UP, "closed automatically: the proposal was "
                            + outcome.toLowerCase(java.util.Locale.ROOT));
                    if ("ProposalAccepted".equals(event.type())) {
                        if (p.hasNonNull("amount")) {
                            points.productsBought(client, new java.math.BigDecimal(p.get("amount").asText()), event.eventId());
                        }
                        for (JsonNode line : p.path("lines")) {
                            if (line.hasNonNull("maturityDate")) {
                                em.createNativeQuery("INSERT INTO holding_maturity (client_id, product_code, maturity_date, amount)"
                                                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                                        .setParameter(1, client).setParameter(2, line.path("productCode").asText())
                                        .setParameter(3, LocalDate.parse(line.get("maturityDate").asText()))
                                        .setParameter(4, new java.math.BigDecimal(line.path("amount").asText("0")))
                                        .executeUpdate();
                            }
                        }
                    }
                }
                default -> LOG.debugf("%s is not a task trigger", event.type());
            }
        });
    }

    /** Applies a trigger once per event id; an event without payload or time is poison. */
    private void handle(String name, String message, java.util.function.Consumer<EventEnvelope> trigger) {
        consumer.apply(name, message, event -> {
            if (event.payload() == null || event.occurredAt() == null) {
                throw new PoisonMessageException(event.type() + " " + event.eventId() + " lacks payload or occurredAt");
            }
            trigger.accept(event);
        });
    }
}
