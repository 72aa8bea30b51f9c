package io.aurum.risk.domain;

/** Where an assessment was run: by an RM at the branch, or by the client on the mobile app. */
public enum Channel {
    BRANCH, MOBILE
}
