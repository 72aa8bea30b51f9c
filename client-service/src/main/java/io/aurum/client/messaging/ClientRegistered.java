package io.aurum.client.messaging;

import io.aurum.client.domain.Client;

import java.time.LocalDate;
import java.util.UUID;

/** Payload of {@code ClientRegistered} v1 on {@code client.profile}. */
public record ClientRegistered(UUID clientId, String fullName, String latinName, LocalDate birthDate,
                               String lifecycleStatus, String tier, UUID primaryRmId, UUID advisorId, String team) {

    public static final String TYPE = "ClientRegistered";
    public static final int VERSION = 1;

    public static ClientRegistered of(Client c) {
        return new ClientRegistered(c.id, c.fullName, c.latinName, c.birthDate, c.lifecycleStatus.name(), c.tier.name(),
                c.primaryRmId, c.advisorId, c.team);
    }
}
