package io.aurum.advisory.domain;

/** DRAFT → PRESENTED → ACCEPTED / REJECTED / EXPIRED (presented proposals expire after 30 days). */
public enum ProposalStatus {
    DRAFT, PRESENTED, ACCEPTED, REJECTED, EXPIRED
}
