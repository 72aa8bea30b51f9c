package io.aurum.client.messaging;

/** Topics client-service publishes to and reads from (docs/events.md). */
public final class ClientTopics {

    /** Profile lifecycle: ClientRegistered, ClientProfileUpdated, ClientClosed, ClientCoverageAssigned, ClientFinancialFactsUpdated. */
    public static final String PROFILE = "client.profile";
    /** ClientTierChanged, ClientTierDowngradeApproaching. */
    public static final String TIER = "client.tier";
    /** ClientAumChanged, LargeOutflowDetected. */
    public static final String AUM = "client.aum";
    /** ClientConsentChanged. */
    public static final String CONSENT = "client.consent";
    /** Read: daily position snapshots from core banking (not an Aurum envelope; see docs/events.md). */
    public static final String CORE_POSITIONS = "core.positions";

    private ClientTopics() {
    }
}
