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

/** A client's financial goal: children's education, retirement, wealth transfer (财富传承), home. */
@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    public enum Type { EDUCATION, RETIREMENT, WEALTH_TRANSFER, HOME, OTHER }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    @Column(nullable = false)
    public String name;

    @Column(name = "target_amount", nullable = false)
    public BigDecimal targetAmount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "target_date", nullable = false)
    public LocalDate targetDate;

    @Column(name = "funded_amount", nullable = false)
    public BigDecimal fundedAmount;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
