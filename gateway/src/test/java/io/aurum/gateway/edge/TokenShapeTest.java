package io.aurum.gateway.edge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokenShapeTest {

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSignedJwtShapeIsPlausible() {
        assertThat(TokenShape.plausible(part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k\"}") + "." + part("{}") + ".c2ln")).isTrue();
        assertThat(TokenShape.plausible(part("{\"alg\":\"ES384\"}") + ".e30.c2ln")).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(TokenShape.plausible(null)).isFalse();
        assertThat(TokenShape.plausible("")).isFalse();
        assertThat(TokenShape.plausible("not.a.jwt")).isFalse(); // "not" is no JSON header
        assertThat(TokenShape.plausible(part("{\"alg\":\"none\"}") + ".e30.")).isFalse();
        assertThat(TokenShape.plausible(part("{\"alg\":\"HS256\"}") + ".e30.c2ln")).isFalse();
        assertThat(TokenShape.plausible(part("{\"alg\":\"RS256\"}") + ".e30.c2ln.x.y")).isFalse();
        assertThat(TokenShape.plausible(part("{\"alg\":\"RS256\"}") + ".e30+.c2ln")).isFalse();
        assertThat(TokenShape.plausible(part("{\"alg\":\"RS256\"}") + "." + "A".repeat(20_000) + ".c2ln")).isFalse();
        assertThat(TokenShape.plausible("%%%.e30.c2ln")).isFalse();
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(TokenShape.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(TokenShape.bearer("bearer  abc ")).isEqualTo("abc");
        assertThat(TokenShape.bearer("Basic abc")).isNull();
        assertThat(TokenShape.bearer(null)).isNull();
    }
}
