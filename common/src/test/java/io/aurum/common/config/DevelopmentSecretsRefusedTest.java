package io.aurum.common.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentSecretsRefusedTest {

    @Test
    void theLocalStacksAndTheTestsSecretsAreRecognised() {
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue("dev-advisory-service-secret")).isTrue();
        // the %dev and %test personal-data keys of client-service
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue("dev1:REVWLU9OTFktYXVydW0tcGlpLWtleS0zMi1ieXRlcyE=")).isTrue();
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue("REVWLU9OTFktYXVydW0tYmxpbmQtaW5kZXgta2V5LTMy")).isTrue();
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue(
                "test1:VEVTVC1PTkxZLWF1cnVtLXBpaS1rZXktMzItYnl0ZXM=,test2:VEVTVC1LRVktMi1hdXJ1bS1waWktcm90YXRpb24tMzI=")).isTrue();
    }

    @Test
    void realSecretsPass() {
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue("k20261203:q3J1Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaQ==")).isFalse();
        assertThat(DevelopmentSecretsRefused.isDevelopmentValue("Zx8-3kq_1aa9")).isFalse();
        Map<String, String> config = Map.of("quarkus.oidc-client.credentials.secret", "dev-advisory-service-secret",
                "aurum.pii.index-key", "q3J1Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaQ==");
        assertThat(DevelopmentSecretsRefused.developmentSecrets(config::get)).containsExactly("quarkus.oidc-client.credentials.secret");
    }
}
