package io.aurum.client.domain;

/** Links between clients. Family links put both clients in one household; REFERRED is a referral (转介绍). */
public enum RelationshipKind {
    SPOUSE, CHILD, PARENT, OTHER_FAMILY, REFERRED;

    public boolean family() {
        return this != REFERRED;
    }
}
