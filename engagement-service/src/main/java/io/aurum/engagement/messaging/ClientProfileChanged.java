package io.aurum.engagement.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The part of client-service's client.profile payloads that engagement-service uses (unknown fields ignored).
 * {@code kycStatus} is not in client-service's v1 payload today; when it is sent, only {@code VERIFIED} converts a referral.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientProfileChanged(UUID clientId, String fullName, String latinName, LocalDate birthDate,
                                   String lifecycleStatus, String tier, UUID primaryRmId, UUID advisorId, String team,
                                   List<String> interestTags, List<String> preferredChannels, LocalTime quietHoursStart,
                                   LocalTime quietHoursEnd, boolean erased, String kycStatus) {
}
