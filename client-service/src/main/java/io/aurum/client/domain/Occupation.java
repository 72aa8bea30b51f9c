package io.aurum.client.domain;

/** Occupation groups the brief names, plus the usual rest. */
public enum Occupation {
    ENTREPRENEUR, EXECUTIVE, PROFESSIONAL, RETIRED, OTHER
}
