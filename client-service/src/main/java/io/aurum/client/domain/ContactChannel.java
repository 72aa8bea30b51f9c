package io.aurum.client.domain;

/** Channels a client can prefer to be contacted on. */
public enum ContactChannel {
    PHONE, SMS, EMAIL, WECHAT, APP, BRANCH, MAIL
}
