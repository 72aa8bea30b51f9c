package io.aurum.advisory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * advisory-service's view of a client, built from client.profile (coverage team, lifecycle), risk.profile (level and
 * validity) and client.aum (assets); never a read of another service's tables.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "client_ref")
public class ClientRef extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "lifecycle_status")
    public String lifecycleStatus;

    public String tier;

    @Column(name = "primary_rm_id")
    public UUID primaryRmId;

    @Column(name = "advisor_id")
    public UUID advisorId;

    public String team;

    @Column(nullable = false)
    public boolean erased;

    @Column(name = "risk_level")
    public String riskLevel;

    @Column(name = "risk_valid_until")
    public Instant riskValidUntil;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "aum_cny")
    public BigDecimal aumCny;

    @Column(name = "high_risk_cny")
    public BigDecimal highRiskCny;

    @Column(name = "holdings_as_of")
    public LocalDate holdingsAsOf;

    /** LOW, MEDIUM, HIGH; null when client-service has not rated the client. */
    @Column(name = "aml_risk_rating")
    public String amlRiskRating;

    @Column(nullable = false)
    public boolean pep;

    @Column(name = "kyc_review_date")
    public LocalDate kycReviewDate;

    /** Enhanced due diligence approved by compliance in client-service. */
    @Column(name = "edd_approved", nullable = false)
    public boolean eddApproved;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The client's row, created race-free if missing and locked for this transaction: three consumers (profile, risk,
     * AUM) write to it concurrently, and neither may insert it twice nor overwrite the others' columns.
     */
    public static ClientRef getOrNew(UUID clientId) {
        getEntityManager().createNativeQuery("INSERT INTO client_ref (client_id, updated_at) VALUES (?1, now())"
                + " ON CONFLICT (client_id) DO NOTHING").setParameter(1, clientId).executeUpdate();
        return findById(clientId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** 1–5 for C1–C5; 0 when the client has no risk level. */
    public int levelNumber() {
        return riskLevel == null ? 0 : riskLevel.charAt(1) - '0';
    }
}
