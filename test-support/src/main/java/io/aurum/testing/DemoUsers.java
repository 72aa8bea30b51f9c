package io.aurum.testing;

import java.util.UUID;

/** The demo identities of deploy/realm/aurum-realm.json (user ids are fixed there). */
public final class DemoUsers {

    public static final String RM_LI = "rm.li";
    public static final UUID RM_LI_ID = UUID.fromString("6f1c0a00-0000-4000-8000-000000000001");
    public static final String RM_WANG = "rm.wang";
    public static final UUID RM_WANG_ID = UUID.fromString("6f1c0a00-0000-4000-8000-000000000002");
    public static final String LEAD_ZHANG = "lead.zhang";
    public static final String ADVISOR_CHEN = "advisor.chen";
    public static final UUID ADVISOR_CHEN_ID = UUID.fromString("6f1c0a00-0000-4000-8000-000000000004");
    public static final String COMPLIANCE_ZHAO = "compliance.zhao";
    public static final String OPS_SUN = "ops.sun";
    public static final String CLIENT_LIU = "client.liu";
    public static final UUID CLIENT_LIU_CLIENT_ID = UUID.fromString("c1a2b3c4-0000-4000-8000-000000000001");
    public static final String CLIENT_HUANG = "client.huang";
    public static final UUID CLIENT_HUANG_CLIENT_ID = UUID.fromString("c1a2b3c4-0000-4000-8000-000000000002");
    public static final String TEAM = "team-sh-01";
    /** The demo partner institution: a confidential client with the partner role (client credentials). */
    public static final String PARTNER = "partner-demo";
    public static final String PARTNER_SECRET = "dev-partner-demo-secret";

    private DemoUsers() {
    }
}
