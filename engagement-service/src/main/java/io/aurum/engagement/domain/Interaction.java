package io.aurum.engagement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A contact with a client: call, meeting, branch visit, e-mail, SMS, WeChat or attending an activity. */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {

    public enum Channel {
        CALL, MEETING, BRANCH_VISIT, EMAIL, SMS, WECHAT, EVENT;

        /** Conversations count for the cadence; one-way messages do not. */
        public boolean meaningful() {
            return this == CALL || this == MEETING || this == BRANCH_VISIT || this == EVENT || this == WECHAT;
        }
    }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "staff_id")
    public UUID staffId;

    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public boolean meaningful;

    public String notes;

    public String outcome;

    @Column(name = "next_step")
    public String nextStep;

    @Column(name = "next_step_due")
    public Instant nextStepDue;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
