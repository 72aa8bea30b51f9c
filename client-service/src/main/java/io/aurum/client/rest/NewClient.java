package io.aurum.client.rest;

import io.aurum.client.domain.LifecycleStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A new client or prospect")
public record NewClient(
        @NotBlank @Size(max = 200) @Schema(example = "刘洋") String fullName,
        @Size(max = 200) @Schema(example = "LIU Yang") String latinName,
        @Past @Schema(example = "1968-04-12") LocalDate birthDate,
        @Schema(description = "PROSPECT (default) or ACTIVE") LifecycleStatus lifecycleStatus,
        @Schema(description = "Primary RM; defaults to the calling RM") UUID primaryRmId,
        @Schema(description = "Assigned investment advisor") UUID advisorId) {
}
