package io.aurum.client.domain;

/** Anti-money-laundering risk rating; HIGH needs enhanced due diligence before advice. */
public enum AmlRiskRating {
    LOW, MEDIUM, HIGH
}
