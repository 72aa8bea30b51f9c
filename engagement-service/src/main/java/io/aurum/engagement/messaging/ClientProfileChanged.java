package io.aurum.engagement.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/** The part of client-service's client.profile payloads that engagement-service uses (unknown fields ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientProfileChanged(UUID clientId, String fullName, String latinName, LocalDate birthDate,
                                   String lifecycleStatus, String tier, UUID primaryRmId, UUID advisorId, String team) {
}
