package io.aurum.advisory.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.aurum.advisory.domain.ModelPortfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ModelView(UUID id, String riskLevel, int version, String status, String name, String note,
                        List<WeightView> weights, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expectedReturn,
                        String createdBy, Instant createdAt) {

    public record WeightView(String assetClass, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal targetPercent,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal bandPercent) {
    }

    public static ModelView of(ModelPortfolio m, BigDecimal expectedReturn) {
        List<WeightView> w = m.weights.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new WeightView(e.getKey().name(), e.getValue().targetPercent, e.getValue().bandPercent)).toList();
        return new ModelView(m.id, m.riskLevel, m.version, m.status, m.name, m.note, w, expectedReturn, m.createdBy, m.createdAt);
    }
}
