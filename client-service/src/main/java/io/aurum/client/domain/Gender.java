package io.aurum.client.domain;

/** Gender as recorded on the identity document. */
public enum Gender {
    MALE, FEMALE, UNDISCLOSED
}
