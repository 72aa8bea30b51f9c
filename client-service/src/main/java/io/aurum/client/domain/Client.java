package io.aurum.client.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SecondaryRow;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A client (or prospect) of the wealth-management division, owned by client-service. Identity number, phone,
 * e-mail and address are stored only encrypted ({@code *Enc} with the id of the sealing key in {@code *Kid});
 * {@link io.aurum.client.service.ClientPii} seals and opens them.
 */
@Entity
@Table(name = "client")
@SecondaryTable(name = "client_standing", pkJoinColumns = @PrimaryKeyJoinColumn(name = "client_id"))
@SecondaryRow(table = "client_standing", optional = false)
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "latin_name")
    public String latinName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    public String nationality;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    public IdType idType;

    @Column(name = "id_number_enc")
    public byte[] idNumberEnc;
    @Column(name = "id_number_kid")
    public String idNumberKid;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    @Column(name = "phone_enc")
    public byte[] phoneEnc;
    @Column(name = "phone_kid")
    public String phoneKid;
    @Column(name = "email_enc")
    public byte[] emailEnc;
    @Column(name = "email_kid")
    public String emailKid;
    @Column(name = "address_enc")
    public byte[] addressEnc;
    @Column(name = "address_kid")
    public String addressKid;

    @Enumerated(EnumType.STRING)
    public Occupation occupation;

    public String employer;

    @Column(name = "source_of_wealth")
    public String sourceOfWealth;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "interest_tags", columnDefinition = "text[]")
    public String[] interestTags = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_channels", columnDefinition = "text[]")
    public String[] preferredChannels = new String[0];

    @Column(name = "quiet_hours_start")
    public LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    public LocalTime quietHoursEnd;

    public String branch;

    @Enumerated(EnumType.STRING)
    @Column(name = "kyc_status", nullable = false)
    public KycStatus kycStatus = KycStatus.PENDING;

    @Column(name = "kyc_review_date")
    public LocalDate kycReviewDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "aml_risk_rating")
    public AmlRiskRating amlRiskRating;

    @Column(nullable = false)
    public boolean pep;

    @Enumerated(EnumType.STRING)
    @Column(name = "prospect_source")
    public ProspectSource prospectSource;

    @Column(name = "prospect_source_detail")
    public String prospectSourceDetail;

    @Column(name = "referred_by")
    public UUID referredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_status", nullable = false)
    public LifecycleStatus lifecycleStatus;

    /**
     * Kept in {@code client_standing} next to the figures it is decided from: registration writes it (MASS), then only
     * the tiering engine changes it (set-based SQL), so the entity never updates it.
     */
    @Enumerated(EnumType.STRING)
    @Column(table = "client_standing", nullable = false, updatable = false)
    public Tier tier;

    @Column(name = "primary_rm_id")
    public UUID primaryRmId;

    @Column(name = "advisor_id")
    public UUID advisorId;

    @Column(name = "private_banker_id")
    public UUID privateBankerId;

    @Column(name = "team")
    public String team;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "household_net_financial_assets")
    public BigDecimal householdNetFinancialAssets;

    @Column(name = "financial_assets")
    public BigDecimal financialAssets;

    @Column(name = "average_income_3y")
    public BigDecimal averageIncome3y;

    /** Latest daily AUM in CNY and its day (from snapshots); kept in {@code client_standing}, written by the AUM follow-up. */
    @Column(name = "aum_cny", table = "client_standing", insertable = false, updatable = false)
    public BigDecimal aumCny;

    @Column(name = "aum_as_of", table = "client_standing", insertable = false, updatable = false)
    public LocalDate aumAsOf;

    /**
     * Trailing-3-month average daily AUM at the last tier evaluation; kept in {@code client_standing} with the grace
     * counter (month-ends below the tier), which only the tiering engine reads and writes.
     */
    @Column(name = "average_aum_cny", table = "client_standing", insertable = false, updatable = false)
    public BigDecimal averageAumCny;

    @Column(name = "last_outflow_alert_on")
    public LocalDate lastOutflowAlertOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "converted_at")
    public Instant convertedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When compliance approved enhanced due diligence (null: none approved). */
    @Column(name = "edd_approved_at")
    public Instant eddApprovedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    public boolean erased() {
        return erasedAt != null;
    }
}
