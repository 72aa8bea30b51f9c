package io.aurum.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A product on the shelf. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductType type;

    /** R1–R5 as 1–5. */
    @Column(name = "risk_rating", nullable = false)
    public int riskRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_class", nullable = false)
    public AssetClass assetClass;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "min_investment", nullable = false, precision = 18, scale = 2)
    public BigDecimal minInvestment;

    @Column(name = "lockup_days", nullable = false)
    public int lockupDays;

    @Column(name = "maturity_date")
    public LocalDate maturityDate;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "qualified_investor_only", nullable = false)
    public boolean qualifiedInvestorOnly;

    @Column(name = "private_product", nullable = false)
    public boolean privateProduct;

    @Column(name = "expected_yield_low", precision = 7, scale = 4)
    public BigDecimal expectedYieldLow;

    @Column(name = "expected_yield_high", precision = 7, scale = 4)
    public BigDecimal expectedYieldHigh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(length = 2000)
    public String description;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "status_reason")
    public String statusReason;

    @Version
    public long version;

    /** The midpoint of the stated yield range; null when the product states none. */
    public BigDecimal expectedReturn() {
        if (expectedYieldLow == null || expectedYieldHigh == null) {
            return null;
        }
        return expectedYieldLow.add(expectedYieldHigh).divide(BigDecimal.valueOf(2), 4, java.math.RoundingMode.HALF_EVEN);
    }
}
