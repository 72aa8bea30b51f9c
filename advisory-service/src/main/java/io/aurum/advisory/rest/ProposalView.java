package io.aurum.advisory.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.domain.Proposal;
import io.aurum.advisory.domain.ProposalLine;
import io.aurum.advisory.planning.RiskDisclosure;
import io.aurum.common.web.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

public record ProposalView(UUID id, UUID clientId, String status, Money investableAmount, Money placedAmount,
                           Money unplacedAmount, String riskLevel, UUID modelId, Integer modelVersion,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedReturn,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedVolatility,
                           String suitability, Instant checkedAt, List<LineView> lines, List<String> notes,
                           List<UUID> goalIds, RiskDisclosure.Text riskDisclosure, String createdBy, Instant createdAt,
                           Instant presentedAt, Instant expiresAt, Instant decidedAt, String decidedBy,
                           String rejectionReason, long version) {

    public record ProductRef(UUID id, String code, String nameZh, String nameEn, String riskRating, String assetClass,
                             int lockupDays) {
    }

    /** risk-service's reason for a verdict, with its text in Chinese and English. */
    public record Reason(String code, String severity, String textZh, String textEn) {
    }

    public record LineView(int line, ProductRef product, Money amount,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal weightPercent, String verdict,
                           List<Reason> reasons) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    public static ProposalView of(Proposal p, ObjectMapper mapper) {
        BigDecimal placed = p.placedAmount();
        List<LineView> lines = p.lines.stream().map(l -> line(l, placed, p.currency, mapper)).toList();
        List<RiskDisclosure.Line> disclosed = p.lines.stream().map(l -> new RiskDisclosure.Line(l.product.code,
                l.product.riskRating, l.product.lockupDays, l.product.qualifiedInvestorOnly, l.product.privateProduct,
                l.product.expectedReturn() != null)).toList();
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
                lines, notes, Arrays.asList(p.goalIds), RiskDisclosure.of(p.riskLevel, disclosed), p.createdBy, p.createdAt,
                p.presentedAt, p.expiresAt, p.decidedAt, p.decidedBy, p.rejectionReason, p.version);
    }

    private static LineView line(ProposalLine l, BigDecimal placed, String currency, ObjectMapper mapper) {
        List<Reason> reasons;
        try {
            reasons = mapper.readValue(l.reasons, REASONS);
        } catch (Exception e) {
            reasons = List.of();
        }
        BigDecimal weight = placed.signum() == 0 ? BigDecimal.ZERO
                : l.amount.multiply(BigDecimal.valueOf(100)).divide(placed, 2, RoundingMode.HALF_EVEN);
        return new LineView(l.lineNo, new ProductRef(l.product.id, l.product.code, l.product.nameZh, l.product.nameEn,
                "R" + l.product.riskRating, l.product.assetClass.name(), l.product.lockupDays),
                Money.of(l.amount, currency), weight, l.verdict, reasons);
    }
}
