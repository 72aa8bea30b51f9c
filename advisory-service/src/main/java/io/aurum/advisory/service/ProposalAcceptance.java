package io.aurum.advisory.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.config.AdviceConfig;
import io.aurum.advisory.domain.ClientRef;
import io.aurum.advisory.domain.Proposal;
import io.aurum.advisory.domain.ProposalLine;
import io.aurum.advisory.domain.ProposalStatus;
import io.aurum.advisory.domain.SaleEvidence;
import io.aurum.advisory.messaging.AdviceTopics;
import io.aurum.advisory.planning.RiskDisclosure;
import io.aurum.advisory.proposals.AcceptanceRule;
import io.aurum.advisory.proposals.Actor;
import io.aurum.advisory.proposals.CoolingOff;
import io.aurum.advisory.proposals.Evidence;
import io.aurum.advisory.proposals.LineNeeds;
import io.aurum.advisory.proposals.Refusal;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The client's own acts on a presented proposal and what follows them: acknowledging lines that are not SUITABLE,
 * accepting (in the app, or captured at a branch and confirmed by a second staff member), the cooling-off of private
 * products, withdrawing within it, and the final acceptance after it. Every decision is {@link AcceptanceRule}'s or
 * {@link CoolingOff}'s; every act is kept as {@link SaleEvidence}. ProposalAccepted is published only when an
 * acceptance is final.
 */
@ApplicationScoped
public class ProposalAcceptance {

    private final Proposals proposals;
    private final AdviceAccess access;
    private final AdviceConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final EntityManager em;

    public ProposalAcceptance(Proposals proposals, AdviceAccess access, AdviceConfig config, Clock clock, ObjectMapper mapper,
                              EntityManager em) {
        this.proposals = proposals;
        this.access = access;
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        this.em = em;
    }

    /** Records the client's acknowledgement of one line: by the client in the app, or captured by staff at a branch. */
    @Transactional
    public SaleEvidence acknowledge(Caller caller, UUID id, int line, Set<String> shown, String shownVersion) {
        Proposal p = presented(caller, id);
        Actor actor = actorOn(caller, p);
        ProposalLine l = p.lines.stream().filter(x -> x.lineNo == line).findFirst()
                .orElseThrow(() -> ApiException.badField("line", "this proposal has lines 1 to " + p.lines.size()));
        LineNeeds need = l.needs(mapper);
        refuseIfAny("The acknowledgement cannot be recorded",
                AcceptanceRule.refuseAcknowledgement(need, shown, shownVersion, RiskDisclosure.VERSION, recorded(p.id)));
        SaleEvidence e = evidence(p, SaleEvidence.Kind.ACKNOWLEDGEMENT, Evidence.acknowledgement(line, shown, shownVersion, actor));
        e.lineNo = line;
        e.productCode = l.product.code;
        e.verdict = l.verdict;
        e.reasonCodes = new TreeSet<>(shown).toArray(String[]::new);
        e.persist();
        p.updatedAt = e.capturedAt;
        return e;
    }

    /**
     * A second staff member confirms an acknowledgement captured at the branch, or gives an app acknowledgement the extra
     * confirmation an elderly client's high-risk line needs.
     */
    @Transactional
    public SaleEvidence confirmAcknowledgement(Caller caller, UUID id, UUID evidenceId) {
        Proposal p = presented(caller, id);
        Actor actor = actorOn(caller, p);
        SaleEvidence e = SaleEvidence.findById(evidenceId);
        if (e == null || !e.proposalId.equals(p.id) || e.kind != SaleEvidence.Kind.ACKNOWLEDGEMENT) {
            throw ApiException.notFound("Acknowledgement", evidenceId);
        }
        refuseIfAny("The acknowledgement cannot be confirmed", AcceptanceRule.refuseConfirmation(e.toEvidence(), actor));
        confirm(e, actor);
        p.updatedAt = e.confirmedAt;
        return e;
    }

    /**
     * The client accepts in the app: final at once, or in cooling-off when a line is a private product. Staff record a
     * branch acceptance, which waits for a second staff member's confirmation ({@link #confirmAcceptance}); either way
     * every line that is not SUITABLE must already carry the client's own acknowledgement.
     */
    @Transactional
    public Proposal accept(Caller caller, UUID id, String shownVersion) {
        Proposal p = presented(caller, id);
        Actor actor = actorOn(caller, p);
        Proposals.requireDueDiligence(ClientRef.findById(p.clientId));
        Evidence act = Evidence.acceptance(shownVersion == null ? RiskDisclosure.VERSION : shownVersion, actor);
        List<SaleEvidence> recorded = SaleEvidence.forProposal(p.id);
        List<LineNeeds> needs = needs(p);
        List<Evidence> evidence = recorded.stream().map(SaleEvidence::toEvidence).toList();
        if (actor.client()) {
            refuseIfAny("The proposal cannot be accepted", AcceptanceRule.refuseAcceptance(needs, evidence, act, RiskDisclosure.VERSION));
            SaleEvidence e = evidence(p, SaleEvidence.Kind.ACCEPTANCE, act);
            e.persist();
            complete(p, e, e.capturedAt);
            return p;
        }
        SaleEvidence pending = pendingAcceptance(recorded);
        if (pending != null) {
            throw refusal("The proposal cannot be accepted", List.of(new Refusal("acceptance", Refusal.Code.SECOND_CONFIRMATION_REQUIRED,
                    "a branch acceptance captured by " + pending.capturedBy + " waits for a second staff member's confirmation")));
        }
        refuseIfAny("The proposal cannot be accepted", AcceptanceRule.refuseBranchCapture(needs, evidence, act, RiskDisclosure.VERSION));
        SaleEvidence capture = evidence(p, SaleEvidence.Kind.ACCEPTANCE, act);
        capture.persist();
        p.updatedAt = capture.capturedAt;
        return p;
    }

    /** A second staff member confirms the branch acceptance another captured; then it is final or in cooling-off. */
    @Transactional
    public Proposal confirmAcceptance(Caller caller, UUID id) {
        Proposal p = presented(caller, id);
        Actor actor = actorOn(caller, p);
        List<SaleEvidence> recorded = SaleEvidence.forProposal(p.id);
        SaleEvidence capture = pendingAcceptance(recorded);
        if (capture == null) {
            throw ApiException.conflict("no-acceptance-to-confirm", "no branch acceptance of this proposal waits for confirmation;"
                    + " staff record one with POST …/accept");
        }
        refuseIfAny("The acceptance cannot be confirmed", AcceptanceRule.refuseConfirmation(capture.toEvidence(), actor));
        // the client may have become a PEP or AML HIGH since the capture: the gate holds at the moment it becomes final
        Proposals.requireDueDiligence(ClientRef.findById(p.clientId));
        List<Evidence> evidence = recorded.stream().map(SaleEvidence::toEvidence).toList();
        refuseIfAny("The proposal cannot be accepted", AcceptanceRule.refuseAcceptance(needs(p), evidence,
                capture.toEvidence().confirmedBy(actor), RiskDisclosure.VERSION));
        Instant now = clock.instant();
        confirm(capture, actor, now);
        complete(p, capture, now);
        return p;
    }

    /** The client withdraws within the cooling-off period (in the app): CANCELLED, ProposalCancelled. */
    @Transactional
    public Proposal cancel(Caller caller, UUID id, String reason) {
        Proposal p = locked(caller, id);
        Instant now = clock.instant();
        if (p.status != ProposalStatus.COOLING_OFF) {
            throw new ApiException(409, "not-in-cooling-off", "Nothing to withdraw from",
                    "only an acceptance in its cooling-off period can be withdrawn; this proposal is " + p.status);
        }
        if (!CoolingOff.mayCancel(now, p.coolingOffUntil)) {
            throw ApiException.conflict("cooling-off-over", "the cooling-off period ended at " + p.coolingOffUntil
                    + "; the acceptance is final");
        }
        p.status = ProposalStatus.CANCELLED;
        p.cancelledAt = now;
        p.cancelledBy = caller.username();
        p.cancellationReason = reason;
        p.updatedAt = now;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("cancelledBy", p.cancelledBy);
        extra.put("acceptedAt", p.decidedAt.toString());
        extra.put("coolingOffUntil", p.coolingOffUntil.toString());
        if (reason != null) {
            extra.put("reason", reason);
        }
        proposals.event(p, ClientRef.findById(p.clientId), AdviceTopics.PROPOSAL_CANCELLED, extra);
        return p;
    }

    /** Acceptances whose cooling-off has passed at {@code now} become final (ACCEPTED, ProposalAccepted each). */
    @Transactional
    public int finaliseDue(Instant now) {
        List<Proposal> due = em.createQuery("select p from Proposal p where p.status = :s and p.coolingOffUntil <= :now"
                        + " order by p.coolingOffUntil", Proposal.class)
                .setParameter("s", ProposalStatus.COOLING_OFF).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Proposal p : due) {
            SaleEvidence act = SaleEvidence.forProposal(p.id).stream()
                    .filter(e -> e.kind == SaleEvidence.Kind.ACCEPTANCE && AcceptanceRule.isTheClientsOwn(e.toEvidence()))
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("proposal " + p.id
                            + " is in cooling-off without the client's acceptance on record"));
            p.status = ProposalStatus.ACCEPTED;
            p.finalAt = p.coolingOffUntil;
            p.updatedAt = now;
            accepted(p, act);
        }
        return due.size();
    }

    private void complete(Proposal p, SaleEvidence act, Instant at) {
        boolean anyPrivate = p.lines.stream().anyMatch(l -> CoolingOff.applies(l.product.type, l.product.privateProduct));
        Instant until = CoolingOff.until(at, config.coolingOff(), anyPrivate);
        p.decidedAt = at;
        p.decidedBy = act.capturedBy;
        p.updatedAt = at;
        if (until == null) {
            p.status = ProposalStatus.ACCEPTED;
            p.finalAt = at;
            accepted(p, act);
        } else {
            p.status = ProposalStatus.COOLING_OFF;
            p.coolingOffUntil = until;
            Map<String, Object> extra = acceptanceFacts(p, act);
            proposals.event(p, ClientRef.findById(p.clientId), AdviceTopics.PROPOSAL_COOLING_OFF_STARTED, extra);
        }
    }

    private void accepted(Proposal p, SaleEvidence act) {
        Map<String, Object> extra = acceptanceFacts(p, act);
        extra.put("finalAt", p.finalAt.toString());
        proposals.event(p, ClientRef.findById(p.clientId), AdviceTopics.PROPOSAL_ACCEPTED, extra);
    }

    private static Map<String, Object> acceptanceFacts(Proposal p, SaleEvidence act) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("decidedBy", p.decidedBy);
        extra.put("decidedByClient", act.capturedByClient);
        extra.put("channel", act.channel.name());
        extra.put("confirmedBy", act.confirmedBy);
        extra.put("acceptedAt", p.decidedAt.toString());
        extra.put("coolingOffUntil", p.coolingOffUntil == null ? null : p.coolingOffUntil.toString());
        return extra;
    }

    /** The proposal in the caller's reach, locked, PRESENTED and not expired. */
    private Proposal presented(Caller caller, UUID id) {
        Proposal p = locked(caller, id);
        Proposals.requireStatus(p, ProposalStatus.PRESENTED, "the client acts on a presented proposal only");
        Proposals.requireNotExpired(p, clock.instant());
        return p;
    }

    /** Two acts on one proposal at once (the client accepting while it withdraws, two confirmations) take turns. */
    private Proposal locked(Caller caller, UUID id) {
        Proposal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return proposals.find(caller, id);
    }

    /** The client itself, or its advisor, RM or team lead (compliance reads, never acts). */
    private Actor actorOn(Caller caller, Proposal p) {
        boolean client = caller.is(Roles.CLIENT) && !AdviceAccess.isStaff(caller);
        if (!client) {
            access.requireAdvise(caller, p.clientId);
        }
        String name = caller.username() == null ? caller.subject() : caller.username();
        return new Actor(caller.subject(), name, client);
    }

    private SaleEvidence evidence(Proposal p, SaleEvidence.Kind kind, Evidence act) {
        RiskDisclosure.Text shown = p.disclosure();
        SaleEvidence e = new SaleEvidence();
        e.id = UUID.randomUUID();
        e.proposalId = p.id;
        e.kind = kind;
        e.disclosureVersion = act.disclosureVersion();
        e.disclosureZh = shown.zh();
        e.disclosureEn = shown.en();
        e.channel = act.channel();
        e.capturedBy = act.capturedBy().name();
        e.capturedById = act.capturedBy().id();
        e.capturedByClient = act.capturedBy().client();
        e.capturedAt = clock.instant();
        return e;
    }

    private void confirm(SaleEvidence e, Actor actor) {
        confirm(e, actor, clock.instant());
    }

    private static void confirm(SaleEvidence e, Actor actor, Instant at) {
        if (!e.confirm(actor.name(), actor.id(), at)) {
            throw new ApiException(409, Refusal.Code.ALREADY_CONFIRMED.slug(), "Already confirmed",
                    "another staff member confirmed it at the same moment");
        }
    }

    private static SaleEvidence pendingAcceptance(List<SaleEvidence> recorded) {
        return recorded.stream().filter(e -> e.kind == SaleEvidence.Kind.ACCEPTANCE && e.toEvidence().awaitsConfirmation())
                .findFirst().orElse(null);
    }

    private static List<Evidence> recorded(UUID proposalId) {
        return SaleEvidence.forProposal(proposalId).stream().map(SaleEvidence::toEvidence).toList();
    }

    private List<LineNeeds> needs(Proposal p) {
        return p.lines.stream().map(l -> l.needs(mapper)).toList();
    }

    private static void refuseIfAny(String title, List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw refusal(title, refusals);
        }
    }

    /** One 409 naming every refusal: the first one's code is the problem type, each is a field error led by its code. */
    private static ApiException refusal(String title, List<Refusal> refusals) {
        List<FieldError> errors = refusals.stream().map(r -> new FieldError(r.field(), r.text())).toList();
        return new ApiException(409, refusals.get(0).code().slug(), title, refusals.size() == 1 ? refusals.get(0).text()
                : refusals.size() + " refusals. " + refusals.get(0).field() + ": " + refusals.get(0).text(), errors);
    }
}
