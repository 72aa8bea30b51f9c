package io.aurum.client.domain;

/** Roles in the coverage team ("1+1+1" for private banking). */
public enum CoverageRole {
    PRIMARY_RM, ADVISOR, PRIVATE_BANKER
}
