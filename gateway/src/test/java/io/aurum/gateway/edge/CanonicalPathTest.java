package io.aurum.gateway.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/clients", "/api/clients/6f1c-x", "/api/engagement/loyalty/benefits/LOUNGE",
            "/api/clients/%E5%BC%A0", "/", "/api/advice/models/C3", "/api/clients/a.b", "/api/clients/..x"})
    void canonicalPathsPass(String path) {
        assertThat(CanonicalPath.problem(path)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api/clients", "/api/clients/", "/api//clients", "/api/./clients", "/api/../clients",
            "/api/clients/..", "/api/%2e%2e/x", "/api/%2E./x", "/api/a%2Fb", "/api/a%5cb", "/api/a\\b", "/api/a;b=1",
            "/api/a%00", "/api/a%252e", "/api/a b", "/api/a%3Bb"})
    void everyOtherSpellingIsRefused(String path) {
        assertThat(CanonicalPath.problem(path)).isNotNull();
    }
}
