package io.aurum.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A client's acknowledged wish to buy a product above their level, and compliance's decision on it. */
@Entity
@Table(name = "suitability_exception")
public class SuitabilityException extends PanacheEntityBase {

    public enum Status { PENDING_APPROVAL, APPROVED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "product_id", nullable = false)
    public String productId;

    @Column(name = "risk_rating", nullable = false)
    public int riskRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_level", nullable = false)
    public RiskLevel clientLevel;

    @Column(name = "acknowledgement_text", nullable = false)
    public String acknowledgementText;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledged_channel", nullable = false)
    public Channel acknowledgedChannel;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
