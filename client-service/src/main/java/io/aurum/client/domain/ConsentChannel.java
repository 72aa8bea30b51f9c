package io.aurum.client.domain;

/** Where a consent decision was given. */
public enum ConsentChannel {
    BRANCH, MOBILE, WEB, PHONE, PAPER
}
