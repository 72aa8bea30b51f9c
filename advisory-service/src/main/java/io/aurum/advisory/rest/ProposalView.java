package io.aurum.advisory.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.domain.Proposal;
import io.aurum.advisory.domain.ProposalLine;
import io.aurum.advisory.domain.SaleEvidence;
import io.aurum.advisory.planning.RiskDisclosure;
import io.aurum.advisory.proposals.AcceptanceRule;
import io.aurum.advisory.proposals.Evidence;
import io.aurum.advisory.proposals.LineNeeds;
import io.aurum.common.web.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

public record ProposalView(UUID id, UUID clientId,
                           @Schema(description = "DRAFT, PRESENTED, COOLING_OFF (accepted, final once coolingOffUntil has passed),"
                                   + " ACCEPTED (final), REJECTED, EXPIRED, CANCELLED (withdrawn within the cooling-off)")
                           String status, Money investableAmount, Money placedAmount,
                           Money unplacedAmount, String riskLevel, UUID modelId, Integer modelVersion,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedReturn,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedVolatility,
                           String suitability, Instant checkedAt, List<LineView> lines, List<String> notes,
                           List<UUID> goalIds, RiskDisclosure.Text riskDisclosure, String createdBy, Instant createdAt,
                           Instant presentedAt, Instant expiresAt,
                           @Schema(description = "When the client accepted (or rejected)") Instant decidedAt,
                           @Schema(description = "The client, or the staff member who captured its acceptance at a branch") String decidedBy,
                           String rejectionReason,
                           @Schema(description = "While COOLING_OFF: when the acceptance becomes final; the client may withdraw before")
                           Instant coolingOffUntil,
                           @Schema(description = "When the acceptance became final") Instant finalAt,
                           Instant cancelledAt, String cancelledBy, String cancellationReason,
                           @Schema(description = "The client's recorded acts: acknowledgements of lines and the acceptance")
                           List<EvidenceView> evidence,
                           long version) {

    public record ProductRef(UUID id, String code, String nameZh, String nameEn, String riskRating, String assetClass,
                             int lockupDays) {
    }

    /** risk-service's reason for a verdict, with its text in Chinese and English. */
    public record Reason(String code, String severity, String textZh, String textEn) {
    }

    public record LineView(int line, ProductRef product, Money amount,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal weightPercent, String verdict,
                           List<Reason> reasons,
                           @Schema(description = "The reason codes the client must acknowledge before accepting (empty: none)")
                           List<String> toAcknowledge,
                           @Schema(description = "The client's acknowledgement needs a second person's confirmation (65 or over, R4+)")
                           boolean extraConfirmation,
                           @Schema(description = "The line carries the client's own acknowledgement of toAcknowledge")
                           boolean acknowledged) {
    }

    /** One recorded act of the client's (sale evidence). */
    public record EvidenceView(UUID id,
                               @Schema(description = "ACKNOWLEDGEMENT (of one line) or ACCEPTANCE") String kind,
                               Integer line, String productCode, String verdict,
                               @Schema(description = "The reason codes the client was shown and acknowledged") List<String> reasonCodes,
                               String disclosureVersion,
                               @Schema(description = "APP (the client under its own login) or BRANCH (captured by staff)") String channel,
                               String capturedBy, Instant capturedAt,
                               @Schema(description = "The second staff member who confirmed it") String confirmedBy,
                               Instant confirmedAt,
                               @Schema(description = "It is the client's own act: given in the app, or captured and confirmed by two different staff members")
                               boolean clientsOwn) {

        public static EvidenceView of(SaleEvidence e) {
            return new EvidenceView(e.id, e.kind.name(), e.lineNo, e.productCode, e.verdict, List.of(e.reasonCodes),
                    e.disclosureVersion, e.channel.name(), e.capturedBy, e.capturedAt, e.confirmedBy, e.confirmedAt,
                    AcceptanceRule.isTheClientsOwn(e.toEvidence()));
        }
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    public static ProposalView of(Proposal p, ObjectMapper mapper) {
        BigDecimal placed = p.placedAmount();
        List<SaleEvidence> recorded = p.status == io.aurum.advisory.domain.ProposalStatus.DRAFT ? List.of()
                : SaleEvidence.forProposal(p.id);
        List<Evidence> evidence = recorded.stream().map(SaleEvidence::toEvidence).toList();
        List<LineView> lines = p.lines.stream().map(l -> line(l, placed, p.currency, mapper, evidence)).toList();
        ModelPortfolio model = ModelPortfolio.findById(p.modelId);
        List<String> notes;
        try {
            notes = mapper.readValue(p.notes, STRINGS);
        } catch (Exception e) {
            notes = List.of();
        }
        return new ProposalView(p.id, p.clientId, p.status.name(), Money.of(p.investableAmount, p.currency),
                Money.of(placed, p.currency), Money.of(p.unplacedAmount, p.currency), p.riskLevel, p.modelId,
                model == null ? null : model.version, p.expectedReturn, p.expectedVolatility, p.suitability, p.checkedAt,
                lines, notes, Arrays.asList(p.goalIds), p.disclosure(), p.createdBy, p.createdAt,
                p.presentedAt, p.expiresAt, p.decidedAt, p.decidedBy, p.rejectionReason, p.coolingOffUntil, p.finalAt,
                p.cancelledAt, p.cancelledBy, p.cancellationReason, recorded.stream().map(EvidenceView::of).toList(), p.version);
    }

    private static LineView line(ProposalLine l, BigDecimal placed, String currency, ObjectMapper mapper, List<Evidence> evidence) {
        List<Reason> reasons;
        try {
            reasons = mapper.readValue(l.reasons, REASONS);
        } catch (Exception e) {
            reasons = List.of();
        }
        LineNeeds needs = LineNeeds.of(l.lineNo, l.product.code, l.verdict,
                reasons.stream().map(r -> new LineNeeds.Reason(r.code(), r.severity())).toList());
        boolean acknowledged = needs.needsAcknowledgement()
                && evidence.stream().anyMatch(e -> AcceptanceRule.covers(e, needs, RiskDisclosure.VERSION));
        BigDecimal weight = placed.signum() == 0 ? BigDecimal.ZERO
                : l.amount.multiply(BigDecimal.valueOf(100)).divide(placed, 2, RoundingMode.HALF_EVEN);
        return new LineView(l.lineNo, new ProductRef(l.product.id, l.product.code, l.product.nameZh, l.product.nameEn,
                "R" + l.product.riskRating, l.product.assetClass.name(), l.product.lockupDays),
                Money.of(l.amount, currency), weight, l.verdict, reasons, List.copyOf(new TreeSet<>(needs.toAcknowledge())),
                needs.extraConfirmation(), acknowledged);
    }
}
