package io.aurum.client.domain;

/** Asset classes of positions (product brief, Advice). */
public enum AssetClass {
    CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE
}
