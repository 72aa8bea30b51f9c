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

/** A piece of work for an RM (or, without an owner, for the team lead of its team). */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "owner_id")
    public UUID ownerId;

    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskPriority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(nullable = false)
    public String title;

    public String notes;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "source_type")
    public String sourceType;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    /** Set by jobs: the reason's key (e.g. CADENCE:client:date), unique, so a rerun makes nothing twice. */
    @Column(name = "dedupe_key")
    public String dedupeKey;

    /** The suggested channel for a care contact. */
    public String channel;

    /** The proposal, complaint or activity the task is about. */
    @Column(name = "related_id")
    public UUID relatedId;

    @Version
    public long version;
}
