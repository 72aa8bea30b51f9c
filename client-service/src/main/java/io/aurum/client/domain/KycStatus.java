package io.aurum.client.domain;

/** Know-your-customer status. */
public enum KycStatus {
    PENDING, VERIFIED, EXPIRED, REJECTED
}
