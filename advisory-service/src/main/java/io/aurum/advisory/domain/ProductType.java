package io.aurum.advisory.domain;

/** The kinds of product on the shelf (product brief, Advice). */
public enum ProductType {
    DEPOSIT, WEALTH_MANAGEMENT, MUTUAL_FUND, BOND, INSURANCE, TRUST, PRIVATE_FUND, STRUCTURED, GOLD
}
