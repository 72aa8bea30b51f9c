package io.aurum.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.config.AdviceConfig;
import io.aurum.advisory.domain.ClientRef;
import io.aurum.advisory.domain.Goal;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.domain.Product;
import io.aurum.advisory.domain.ProductStatus;
import io.aurum.advisory.domain.Proposal;
import io.aurum.advisory.domain.ProposalLine;
import io.aurum.advisory.domain.ProposalStatus;
import io.aurum.advisory.messaging.AdviceTopics;
import io.aurum.advisory.planning.Allocation;
import io.aurum.advisory.planning.PortfolioFigures;
import io.aurum.advisory.planning.ProductChoice;
import io.aurum.advisory.risk.RiskServiceClient;
import io.aurum.advisory.risk.SuitabilityAnswer;
import io.aurum.advisory.risk.SuitabilityChecks;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.messaging.Outbox;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Proposals: built from the client's model and the shelf, every line checked by risk-service on the shelf's facts;
 * edited by the advisor (checks rerun); presented only when no line is refused (a fresh check at that moment); rejected,
 * or accepted by the client ({@link ProposalAcceptance}); expired after the validity period. A failed check
 * (risk-service down) rolls the whole change back.
 */
@ApplicationScoped
public class Proposals {

    public static final String CURRENCY = "CNY";

    public record LineSpec(UUID productId, BigDecimal amount) {
    }

    private final AdviceAccess access;
    private final ModelPortfolios models;
    private final ProductShelf shelf;
    private final SuitabilityChecks checks;
    private final Outbox outbox;
    private final AdviceConfig config;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final EntityManager em;

    public Proposals(AdviceAccess access, ModelPortfolios models, ProductShelf shelf, SuitabilityChecks checks, Outbox outbox,
                     AdviceConfig config, Clock clock, ObjectMapper mapper, EntityManager em) {
        this.access = access;
        this.models = models;
        this.shelf = shelf;
        this.checks = checks;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        this.em = em;
    }

    @Transactional
    public Proposal create(Caller caller, UUID clientId, BigDecimal amount, String currency, List<UUID> goalIds,
                           Integer maxLockupDays) {
        ClientRef client = access.requireAdvise(caller, clientId);
        requireAdvisable(client);
        if (!CURRENCY.equals(currency)) {
            throw ApiException.badField("amount.currency", "proposals are made in CNY (suitability is checked in CNY)");
        }
        List<UUID> goals = goalIds == null ? List.of() : goalIds;
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i) == null ? null : Goal.findById(goals.get(i));
            if (g == null || !g.clientId.equals(clientId)) {
                throw ApiException.badField("goalIds[" + i + "]", "not a goal of this client");
            }
        }
        ModelPortfolio model = models.activeFor(client.riskLevel);
        Map<io.aurum.advisory.domain.AssetClass, BigDecimal> allocation = Allocation.split(amount, ModelPortfolios.targets(model));
        List<Product> onSale = shelf.onSaleToday();
        Map<UUID, Product> byId = new LinkedHashMap<>();
        List<ProductChoice.Option> options = new ArrayList<>();
        for (Product p : onSale) {
            byId.put(p.id, p);
            options.add(new ProductChoice.Option(p.id, p.code, p.assetClass, p.riskRating, p.currency, p.minInvestment,
                    p.lockupDays, p.qualifiedInvestorOnly, p.expectedReturn()));
        }
        ProductChoice.Choice choice = ProductChoice.choose(allocation, options,
                new ProductChoice.Constraints(client.levelNumber(), currency, maxLockupDays, false));
        if (choice.lines().isEmpty()) {
            throw new ApiException(422, "nothing-to-propose", "No product on the shelf fits",
                    String.join("; ", choice.notes()));
        }
        Instant now = clock.instant();
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.clientId = clientId;
        p.status = ProposalStatus.DRAFT;
        p.currency = currency;
        p.investableAmount = amount.setScale(2);
        p.unplacedAmount = choice.unplaced();
        p.riskLevel = client.riskLevel;
        p.assessmentId = client.assessmentId;
        p.modelId = model.id;
        p.notes = json(choice.notes());
        p.goalIds = goals.toArray(UUID[]::new);
        p.createdBy = caller.username();
        p.createdAt = now;
        p.updatedAt = now;
        int n = 1;
        for (ProductChoice.Line l : choice.lines()) {
            p.lines.add(line(p, n++, byId.get(l.product().productId()), l.amount()));
        }
        check(p, now);
        p.persist();
        return p;
    }

    @Transactional
    public Proposal replaceLines(Caller caller, UUID id, long expectedVersion, List<LineSpec> specs) {
        Proposal p = find(caller, id);
        access.requireAdvise(caller, p.clientId);
        ProductShelf.requireVersion(p.version, expectedVersion);
        requireStatus(p, ProposalStatus.DRAFT, "only a draft can be edited");
        ClientRef client = ClientRef.findById(p.clientId);
        requireAdvisable(client);
        List<FieldError> errors = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            LineSpec s = specs.get(i);
            String at = "lines[" + i + "]";
            Product product = s.productId() == null ? null : Product.findById(s.productId());
            if (product == null) {
                errors.add(new FieldError(at + ".productId", "no such product on the shelf"));
            } else if (product.status != ProductStatus.ON_SALE) {
                errors.add(new FieldError(at + ".productId", product.code + " is " + product.status + ", not on sale"));
            } else if (!product.currency.equals(p.currency)) {
                errors.add(new FieldError(at + ".productId", product.code + " is in " + product.currency
                        + "; this proposal is in " + p.currency));
            } else if (!seen.add(product.id)) {
                errors.add(new FieldError(at + ".productId", product.code + " appears twice; put its amounts on one line"));
            } else if (s.amount().compareTo(product.minInvestment) < 0) {
                errors.add(new FieldError(at + ".amount", "below " + product.code + "'s minimum investment of "
                        + product.currency + " " + product.minInvestment.toPlainString()));
            }
            products.add(product);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid proposal lines",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        p.lines.clear();
        em.flush();
        for (int i = 0; i < specs.size(); i++) {
            p.lines.add(line(p, i + 1, products.get(i), specs.get(i).amount().setScale(2)));
        }
        p.investableAmount = p.placedAmount();
        p.unplacedAmount = BigDecimal.ZERO.setScale(2);
        p.riskLevel = client.riskLevel;
        p.assessmentId = client.assessmentId;
        Instant now = clock.instant();
        p.updatedAt = now;
        check(p, now);
        return p;
    }

    @Transactional
    public Proposal present(Caller caller, UUID id, Long expectedVersion) {
        Proposal p = find(caller, id);
        ClientRef client = access.requireAdvise(caller, p.clientId);
        if (expectedVersion != null) {
            ProductShelf.requireVersion(p.version, expectedVersion);
        }
        requireStatus(p, ProposalStatus.DRAFT, "only a draft can be presented");
        requireAdvisable(client);
        for (ProposalLine l : p.lines) {
            if (l.product.status != ProductStatus.ON_SALE) {
                throw ApiException.conflict("product-not-on-sale", l.product.code + " is no longer on sale; edit the proposal");
            }
        }
        Instant now = clock.instant();
        SuitabilityAnswer answer = check(p, now);
        List<FieldError> blocked = new ArrayList<>();
        for (ProposalLine l : p.lines) {
            if (SuitabilityAnswer.blocks(l.verdict)) {
                blocked.add(new FieldError("lines[" + (l.lineNo - 1) + "]", l.product.code + " is " + l.verdict + ": "
                        + reasonCodes(answer, l.lineNo - 1)));
            }
        }
        if (!blocked.isEmpty()) {
            throw new ApiException(409, "proposal-unsuitable", "The proposal cannot be presented",
                    blocked.size() + " line(s) are refused by the suitability check; remove or change them. "
                            + blocked.get(0).field() + ": " + blocked.get(0).message(), blocked);
        }
        p.status = ProposalStatus.PRESENTED;
        p.presentedAt = now;
        p.presentedBy = caller.username();
        p.expiresAt = now.plus(config.proposalValidity());
        p.updatedAt = now;
        event(p, client, AdviceTopics.PROPOSAL_PRESENTED, Map.of("presentedBy", p.presentedBy,
                "expiresAt", p.expiresAt.toString()));
        return p;
    }

    /**
     * The client declines (in the app), or its advisor, RM or team lead records that it declined. Accepting is the
     * client's own act and lives in {@link ProposalAcceptance}.
     */
    @Transactional
    public Proposal reject(Caller caller, UUID id, String reason) {
        Proposal p = find(caller, id);
        ClientRef client = ClientRef.findById(p.clientId);
        if (!caller.is(Roles.CLIENT)) {
            access.requireAdvise(caller, p.clientId);
        }
        requireStatus(p, ProposalStatus.PRESENTED, "only a presented proposal can be rejected");
        Instant now = clock.instant();
        requireNotExpired(p, now);
        p.status = ProposalStatus.REJECTED;
        p.decidedAt = now;
        p.decidedBy = caller.username();
        p.rejectionReason = reason;
        p.updatedAt = now;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("decidedBy", p.decidedBy);
        extra.put("decidedByClient", caller.is(Roles.CLIENT));
        if (reason != null) {
            extra.put("reason", reason);
        }
        event(p, client, AdviceTopics.PROPOSAL_REJECTED, extra);
        return p;
    }

    /** Presented proposals past their expiry become EXPIRED (ProposalExpired each). Callable with any moment. */
    @Transactional
    public int expireDue(Instant now) {
        List<Proposal> due = Proposal.list("status = ?1 and expiresAt <= ?2", ProposalStatus.PRESENTED, now);
        for (Proposal p : due) {
            p.status = ProposalStatus.EXPIRED;
            p.decidedAt = now;
            p.decidedBy = "system";
            p.updatedAt = now;
            event(p, ClientRef.findById(p.clientId), AdviceTopics.PROPOSAL_EXPIRED, Map.of());
        }
        return due.size();
    }

    @Transactional
    public Proposal get(Caller caller, UUID id) {
        return find(caller, id);
    }

    /** Proposals in the caller's reach, newest first; a client sees its own, never drafts. */
    @Transactional
    public Page<Proposal> list(Caller caller, UUID clientId, ProposalStatus status, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!caller.is(Roles.COMPLIANCE_OFFICER)) {
            List<String> reach = new ArrayList<>();
            UUID me = caller.userId();
            if (caller.is(Roles.CLIENT) && caller.clientId() != null) {
                reach.add("(p.clientId = :self and p.status <> :draft)");
                params.and("self", caller.clientId()).and("draft", ProposalStatus.DRAFT);
            }
            if (caller.is(Roles.RELATIONSHIP_MANAGER) && me != null) {
                reach.add("c.primaryRmId = :me");
            }
            if (caller.is(Roles.ADVISOR) && me != null) {
                reach.add("c.advisorId = :me");
            }
            if ((caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.ADVISOR)) && me != null) {
                params.and("me", me);
            }
            if (caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
                reach.add("c.team = :team");
                params.and("team", caller.team());
            }
            if (reach.isEmpty()) {
                return Page.of(List.of(), page, size, 0);
            }
            where.append(" and (").append(String.join(" or ", reach)).append(")");
        }
        if (clientId != null) {
            where.append(" and p.clientId = :client");
            params.and("client", clientId);
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.and("status", status);
        }
        String from = " from Proposal p, ClientRef c where c.clientId = p.clientId and " + where;
        var countQuery = em.createQuery("select count(p)" + from, Long.class);
        var listQuery = em.createQuery("select p" + from + " order by p.createdAt desc, p.id", Proposal.class);
        params.map().forEach((k, v) -> {
            countQuery.setParameter(k, v);
            listQuery.setParameter(k, v);
        });
        long total = countQuery.getSingleResult();
        List<Proposal> items = listQuery.setFirstResult(page * size).setMaxResults(size).getResultList();
        return Page.of(items, page, size, total);
    }

    /** A proposal in the caller's reach (404 otherwise; a client never sees drafts). */
    Proposal find(Caller caller, UUID id) {
        Proposal p = Proposal.findById(id);
        if (p == null) {
            throw ApiException.notFound("Proposal", id);
        }
        try {
            access.requireRead(caller, p.clientId);
        } catch (ApiException e) {
            throw ApiException.notFound("Proposal", id);
        }
        if (caller.is(Roles.CLIENT) && !AdviceAccess.isStaff(caller) && p.status == ProposalStatus.DRAFT) {
            throw ApiException.notFound("Proposal", id);
        }
        return p;
    }

    private void requireAdvisable(ClientRef client) {
        if (client.erased || "CLOSED".equals(client.lifecycleStatus)) {
            throw ApiException.conflict("client-closed", "the client relationship is closed; no new advice");
        }
        requireDueDiligence(client);
        if (client.kycReviewDate != null
                && client.kycReviewDate.isBefore(clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate())) {
            throw ApiException.conflict("kyc-review-overdue",
                    "the client's KYC review was due on " + client.kycReviewDate + "; review KYC before new proposals");
        }
        if (client.riskLevel == null) {
            throw new ApiException(409, "risk-profile-missing", "The client has no risk profile",
                    "run a risk assessment (risk-service) before proposing products");
        }
        if (client.riskValidUntil == null || !client.riskValidUntil.isAfter(clock.instant())) {
            throw new ApiException(409, "risk-profile-expired", "The client's risk profile has expired",
                    "the risk profile expired at " + client.riskValidUntil + "; reassess the client before proposing products");
        }
    }

    /** AML HIGH or PEP: no advice, presented or accepted, before compliance approved enhanced due diligence. */
    static void requireDueDiligence(ClientRef client) {
        if (client != null && ("HIGH".equals(client.amlRiskRating) || client.pep) && !client.eddApproved) {
            throw ApiException.conflict("enhanced-due-diligence-required",
                    (client.pep ? "the client is a politically exposed person" : "the client's AML risk is HIGH")
                            + "; compliance must approve enhanced due diligence before any advice");
        }
    }

    static void requireNotExpired(Proposal p, Instant now) {
        if (!p.expiresAt.isAfter(now)) {
            throw ApiException.conflict("proposal-expired", "the proposal expired at " + p.expiresAt + "; ask for a new one");
        }
    }

    static void requireStatus(Proposal p, ProposalStatus wanted, String message) {
        if (p.status != wanted) {
            throw new ApiException(409, "illegal-proposal-transition", "Not possible in this status",
                    message + "; this proposal is " + p.status);
        }
    }

    private ProposalLine line(Proposal p, int no, Product product, BigDecimal amount) {
        ProposalLine l = new ProposalLine();
        l.id = UUID.randomUUID();
        l.proposal = p;
        l.lineNo = no;
        l.product = product;
        l.assetClass = product.assetClass;
        l.amount = amount;
        l.verdict = "UNCHECKED";
        l.reasons = "[]";
        return l;
    }

    /** Asks risk-service about every line and records the verdicts; figures are recomputed from the lines. */
    private SuitabilityAnswer check(Proposal p, Instant now) {
        List<RiskServiceClient.Line> lines = new ArrayList<>();
        for (ProposalLine l : p.lines) {
            lines.add(RiskServiceClient.Line.fromShelf(l.product, l.amount));
        }
        SuitabilityAnswer answer = checks.check(new RiskServiceClient.CheckRequest(p.clientId, lines));
        if (answer.lines() == null || answer.lines().size() != p.lines.size()) {
            throw new ApiException(503, "risk-service-unavailable", "Suitability cannot be checked right now",
                    "risk-service answered for a different number of lines; nothing was saved");
        }
        for (int i = 0; i < p.lines.size(); i++) {
            ProposalLine l = p.lines.get(i);
            SuitabilityAnswer.LineAnswer a = answer.lines().get(i);
            l.verdict = a.verdict();
            l.reasons = json(a.reasons() == null ? List.of() : a.reasons());
        }
        p.suitability = answer.overall();
        p.checkedAt = now;
        List<PortfolioFigures.Holding> holdings = p.lines.stream()
                .map(l -> new PortfolioFigures.Holding(l.assetClass, l.amount, l.product.expectedReturn())).toList();
        PortfolioFigures.Figures figures = PortfolioFigures.of(holdings, config.assumptions().toAssumptions());
        p.expectedReturn = figures.expectedReturn();
        p.expectedVolatility = figures.volatility();
        return answer;
    }

    private static String reasonCodes(SuitabilityAnswer answer, int index) {
        SuitabilityAnswer.LineAnswer a = answer.lines().get(index);
        return a.reasons() == null ? "" : String.join(", ", a.reasons().stream().map(SuitabilityAnswer.Reason::code).toList());
    }

    void event(Proposal p, ClientRef client, String type, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("proposalId", p.id);
        payload.put("clientId", p.clientId);
        payload.put("status", p.status.name());
        payload.put("riskLevel", p.riskLevel);
        payload.put("amount", p.placedAmount().toPlainString());
        payload.put("currency", p.currency);
        payload.put("primaryRmId", client == null ? null : client.primaryRmId);
        payload.put("advisorId", client == null ? null : client.advisorId);
        payload.put("team", client == null ? null : client.team);
        payload.put("presentedAt", p.presentedAt == null ? null : p.presentedAt.toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ProposalLine l : p.lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("productId", l.product.id);
            line.put("productCode", l.product.code);
            line.put("assetClass", l.assetClass.name());
            line.put("riskRating", "R" + l.product.riskRating);
            line.put("amount", l.amount.toPlainString());
            line.put("maturityDate", l.product.maturityDate == null ? null : l.product.maturityDate.toString());
            lines.add(line);
        }
        payload.put("lines", lines);
        payload.putAll(extra);
        outbox.publish(AdviceTopics.PROPOSAL, type, AdviceTopics.VERSION, p.clientId, payload);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
