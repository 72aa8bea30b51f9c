package io.aurum.advisory.domain;

/** DRAFT → PENDING_APPROVAL → ON_SALE → SUSPENDED → CLOSED. Only ON_SALE products can be proposed. */
public enum ProductStatus {
    DRAFT, PENDING_APPROVAL, ON_SALE, SUSPENDED, CLOSED
}
