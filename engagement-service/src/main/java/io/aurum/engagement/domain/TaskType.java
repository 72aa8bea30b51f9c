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
    /** the contact cadence of the tier has lapsed */
    CONTACT_DUE,
    /** birthday greeting, 7 days ahead */
    BIRTHDAY_CARE,
    /** festival care day (Spring Festival, Mid-Autumn…) */
    FESTIVAL_CARE,
    /** a presented proposal the client has not answered */
    PROPOSAL_FOLLOW_UP,
    /** a holding matures soon: talk about what comes next */
    MATURITY_FOLLOW_UP,
    /** a complaint missed a deadline: the team lead steps in */
    COMPLAINT_ESCALATION,
    /** created by an RM */
    MANUAL;

    /** Tasks that a meaningful contact with the client fulfils. */
    public boolean doneByContact() {
        return this == CONTACT_DUE || this == WELCOME_CALL || this == RETENTION_CALL || this == BIRTHDAY_CARE
                || this == FESTIVAL_CARE || this == MATURITY_FOLLOW_UP;
    }
}
