package io.aurum.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * risk-service's own copy of the client facts it needs: birth date (clients aged 65 or over are
 * vulnerable for R4+ products) and the coverage team (object-level checks). Kept from client.profile events.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "client_ref")
public class ClientRef extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "primary_rm_id")
    public UUID primaryRmId;

    @Column(name = "advisor_id")
    public UUID advisorId;

    public String team;

    /** Tier as client-service last announced it (reports by tier). */
    public String tier;

    /** Facts for the suitability rules, filled from client-service events that carry them (null until then). */
    @Column(name = "aum_cny")
    public BigDecimal aumCny;

    @Column(name = "high_risk_holdings_cny")
    public BigDecimal highRiskHoldingsCny;

    @Column(name = "household_net_financial_assets")
    public BigDecimal householdNetFinancialAssets;

    @Column(name = "financial_assets")
    public BigDecimal financialAssets;

    @Column(name = "average_income_3y")
    public BigDecimal averageIncome3y;

    /** Consent per purpose (e.g. PARTNER_SHARING → false), as client-service last announced it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Boolean> consents = new HashMap<>();

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Age on a given day, or null when the birth date is unknown. */
    public Integer ageOn(LocalDate day) {
        return birthDate == null ? null : Period.between(birthDate, day).getYears();
    }
}
