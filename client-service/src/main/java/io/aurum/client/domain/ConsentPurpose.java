package io.aurum.client.domain;

/** Purposes a client consents to (personal information law: explicit and purpose-bound). */
public enum ConsentPurpose {
    MARKETING, PARTNER_SHARING, PROFILING
}
