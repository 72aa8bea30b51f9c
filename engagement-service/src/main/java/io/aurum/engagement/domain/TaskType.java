package io.aurum.engagement.domain;

/** Why a task exists; the event-driven ones name their trigger. */
public enum TaskType {
    /** tier upgrade: welcome call within 3 days */
    WELCOME_CALL,
    /** PLATINUM and above without a named RM: the team lead assigns one */
    ASSIGN_RM,
    /** approaching downgrade or a large outflow */
    RETENTION_CALL,
    /** risk profile expiring */
    REASSESS_RISK,
    /** created by an RM */
    MANUAL
}
