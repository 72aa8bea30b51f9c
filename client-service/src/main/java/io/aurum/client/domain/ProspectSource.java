package io.aurum.client.domain;

/** Where a prospect came from. */
public enum ProspectSource {
    REFERRAL, EVENT, BRANCH, PARTNER, OTHER
}
