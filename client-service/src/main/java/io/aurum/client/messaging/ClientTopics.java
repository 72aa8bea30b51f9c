package io.aurum.client.messaging;

/** Topics client-service publishes to (docs/events.md). */
public final class ClientTopics {

    /** Profile lifecycle: ClientRegistered, ... keyed by client id. */
    public static final String PROFILE = "client.profile";

    private ClientTopics() {
    }
}
