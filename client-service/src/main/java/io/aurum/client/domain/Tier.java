package io.aurum.client.domain;

/** Client tiers of the product brief, lowest first (thresholds are configuration). */
public enum Tier {
    MASS, VIP, GOLD, PLATINUM, DIAMOND, PRIVATE
}
