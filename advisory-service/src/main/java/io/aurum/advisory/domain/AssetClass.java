package io.aurum.advisory.domain;

/** Asset classes of model portfolios and drift. */
public enum AssetClass {
    CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE
}
