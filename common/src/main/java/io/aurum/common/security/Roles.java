package io.aurum.common.security;

/** The Keycloak realm roles of the product brief (deploy/realm/aurum-realm.json). */
public final class Roles {

    public static final String RELATIONSHIP_MANAGER = "relationship-manager";
    public static final String TEAM_LEAD = "team-lead";
    public static final String ADVISOR = "advisor";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String OPS_ADMIN = "ops-admin";
    public static final String CLIENT = "client";
    public static final String PARTNER = "partner";
    /** Another Aurum service calling with its own client-credentials token. */
    public static final String INTERNAL_SERVICE = "internal-service";

    private Roles() {
    }
}
