package io.aurum.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * engagement-service's own copy of what it needs to know about a client (name, coverage team, tier,
 * birthday), kept current from client-service's events. Never read from client-service's tables.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
@Table(name = "client_card")
public class ClientCard extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "latin_name")
    public String latinName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "lifecycle_status", nullable = false)
    public String lifecycleStatus;

    @Column(nullable = false)
    public String tier;

    @Column(name = "primary_rm_id")
    public UUID primaryRmId;

    @Column(name = "advisor_id")
    public UUID advisorId;

    public String team;

    @Column(name = "last_event_id", nullable = false)
    public UUID lastEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "interest_tags", nullable = false)
    public String[] interestTags = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_channels", nullable = false)
    public String[] preferredChannels = new String[0];

    @Column(name = "quiet_hours_start")
    public LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    public LocalTime quietHoursEnd;

    @Column(name = "marketing_consent", nullable = false)
    public boolean marketingConsent;

    @Column(nullable = false)
    public boolean erased;

    /** The last meaningful contact (interaction); the cadence clock. */
    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    /** When the cadence clock started for a client never contacted (first seen). */
    @Column(name = "cadence_anchor_at")
    public Instant cadenceAnchorAt;

    @Column(name = "last_outflow_at")
    public Instant lastOutflowAt;

    @Column(name = "last_outflow_ratio")
    public java.math.BigDecimal lastOutflowRatio;

    @Column(name = "downgrade_warned_at")
    public Instant downgradeWarnedAt;

    /** When the relationship ended (ClientClosed); null while it lasts. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /**
     * The client's card, created race-free as a placeholder if missing (the profile fills it in; the cadence clock of a
     * client never contacted starts when the client enters the book) and locked for this transaction: the profile,
     * consent and trigger consumers run concurrently and must neither insert it twice nor overwrite each other.
     */
    public static ClientCard lockOrCreate(UUID clientId, UUID eventId, Instant since) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO client_card (client_id, full_name, lifecycle_status, tier, last_event_id, updated_at, cadence_anchor_at)
                        VALUES (?1, '(pending)', 'PROSPECT', 'MASS', ?2, now(), ?3) ON CONFLICT (client_id) DO NOTHING""")
                .setParameter(1, clientId).setParameter(2, eventId).setParameter(3, since == null ? Instant.now() : since)
                .executeUpdate();
        return findById(clientId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
