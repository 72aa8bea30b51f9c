package io.aurum.client.rest;

import io.aurum.client.domain.Client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ClientView(UUID id, String fullName, String latinName, LocalDate birthDate, String lifecycleStatus,
                         String tier, UUID primaryRmId, UUID advisorId, String team, Instant createdAt,
                         Instant updatedAt, long version) {

    public static ClientView of(Client c) {
        return new ClientView(c.id, c.fullName, c.latinName, c.birthDate, c.lifecycleStatus.name(), c.tier.name(),
                c.primaryRmId, c.advisorId, c.team, c.createdAt, c.updatedAt, c.version);
    }
}
