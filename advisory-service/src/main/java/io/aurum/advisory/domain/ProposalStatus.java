package io.aurum.advisory.domain;

/**
 * DRAFT → PRESENTED → ACCEPTED / REJECTED / EXPIRED; a proposal holding a private product goes PRESENTED → COOLING_OFF
 * on the client's acceptance, then ACCEPTED once the cooling-off period has passed, or CANCELLED if the client withdraws
 * within it. Presented proposals expire after 30 days.
 */
public enum ProposalStatus {
    DRAFT, PRESENTED, COOLING_OFF, ACCEPTED, REJECTED, EXPIRED, CANCELLED
}
