package io.aurum.advisory.domain;

import io.aurum.advisory.planning.RiskDisclosure;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An investment proposal for one client: an allocation from the client's model turned into suitability-checked lines. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "investable_amount", nullable = false)
    public BigDecimal investableAmount;

    @Column(name = "unplaced_amount", nullable = false)
    public BigDecimal unplacedAmount;

    @Column(name = "risk_level", nullable = false)
    public String riskLevel;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "model_id", nullable = false)
    public UUID modelId;

    @Column(name = "expected_return", nullable = false)
    public BigDecimal expectedReturn;

    @Column(name = "expected_volatility", nullable = false)
    public BigDecimal expectedVolatility;

    /** The overall verdict of the last suitability check (risk-service's Verdict names). */
    @Column(nullable = false)
    public String suitability;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    /** JSON array of strings: what the builder could not do and why. */
    @Column(nullable = false)
    public String notes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "goal_ids", nullable = false)
    public UUID[] goalIds = new UUID[0];

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "presented_at")
    public Instant presentedAt;

    @Column(name = "presented_by")
    public String presentedBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** While COOLING_OFF: when the client's acceptance becomes final. */
    @Column(name = "cooling_off_until")
    public Instant coolingOffUntil;

    /** When the acceptance became final (ACCEPTED): at once, or at the end of the cooling-off. */
    @Column(name = "final_at")
    public Instant finalAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Version
    public long version;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<ProposalLine> lines = new ArrayList<>();

    /** The risk disclosure for these lines, as the client is shown it (zh/en, with the wording's version). */
    public RiskDisclosure.Text disclosure() {
        return RiskDisclosure.of(riskLevel, lines.stream().map(l -> new RiskDisclosure.Line(l.product.code,
                l.product.riskRating, l.product.lockupDays, l.product.qualifiedInvestorOnly, l.product.privateProduct,
                l.product.expectedReturn() != null)).toList());
    }

    public BigDecimal placedAmount() {
        return lines.stream().map(l -> l.amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
