package io.aurum.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A versioned model portfolio for one risk level (C1–C5). Immutable once written (database trigger). */
@Entity
@Table(name = "model_portfolio")
public class ModelPortfolio extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "risk_level", nullable = false)
    public String riskLevel;

    @Column(nullable = false)
    public int version;

    /** ACTIVE or RETIRED. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String name;

    public String note;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "model_weight", joinColumns = @JoinColumn(name = "model_id"))
    @MapKeyColumn(name = "asset_class")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<AssetClass, Weight> weights = new EnumMap<>(AssetClass.class);

    @Embeddable
    public static class Weight {
        @Column(name = "target_percent", nullable = false, precision = 5, scale = 2)
        public BigDecimal targetPercent;

        @Column(name = "band_percent", nullable = false, precision = 5, scale = 2)
        public BigDecimal bandPercent;

        public Weight() {
        }

        public Weight(BigDecimal targetPercent, BigDecimal bandPercent) {
            this.targetPercent = targetPercent;
            this.bandPercent = bandPercent;
        }
    }

    public static Optional<ModelPortfolio> active(String riskLevel) {
        return find("riskLevel = ?1 and status = 'ACTIVE'", riskLevel).firstResultOptional();
    }

    public static List<ModelPortfolio> allActive() {
        return list("status = 'ACTIVE' order by riskLevel");
    }
}
