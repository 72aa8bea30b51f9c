package io.aurum.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A client's complaint with its two deadlines (acknowledge, resolve) and its escalation level. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    public enum Category { SERVICE, PRODUCT, FEES, MIS_SELLING, DATA_PRIVACY, OTHER }

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    public enum Channel { APP, RM, BRANCH, PHONE }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    public String team;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "ack_due_at", nullable = false)
    public Instant ackDueAt;

    @Column(name = "resolve_due_at", nullable = false)
    public Instant resolveDueAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    public String resolution;

    /** 0: on time; 1: the acknowledgement deadline passed; 2: the resolution deadline passed. */
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "client_satisfied")
    public Boolean clientSatisfied;

    @Column(name = "client_feedback")
    public String clientFeedback;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** Escalated once, or a deadline passed (or was missed) at {@code now}. */
    public boolean breached(Instant now) {
        return escalationLevel > 0 || (status == Status.OPEN && now.isAfter(ackDueAt)) || (status != Status.RESOLVED && now.isAfter(resolveDueAt))
                || (acknowledgedAt != null && acknowledgedAt.isAfter(ackDueAt))
                || (resolvedAt != null && resolvedAt.isAfter(resolveDueAt));
    }
}
