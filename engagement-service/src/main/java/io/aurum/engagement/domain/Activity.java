package io.aurum.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A client activity (salon, seminar, wine tasting, golf day…) with its capacity and whom it is for. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    public enum Kind { SALON, SEMINAR, WINE_TASTING, GOLF_DAY, ART_VIEWING, OTHER }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(nullable = false)
    public String location;

    @Column(nullable = false)
    public int capacity;

    /** What one attendee costs the bank (counted in the client contribution). */
    @Column(name = "cost_per_head_cny")
    public java.math.BigDecimal costPerHeadCny = java.math.BigDecimal.ZERO;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_tiers", nullable = false)
    public String[] targetTiers = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "interest_tags", nullable = false)
    public String[] interestTags = new String[0];

    public String team;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
