package io.aurum.common.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AuthenticationRequestContext firstRequest = supplier -> null;
    private final AuthenticationRequestContext laterRequest = supplier -> null;

    private VerifiedTokens tokens(Duration ttl, int max) {
        return new VerifiedTokens(true, ttl, max, clock::get);
    }

    private static SecurityIdentity verified(String token, long expEpochSeconds, AuthenticationRequestContext ctx) {
        JsonWebToken jwt = new JsonWebToken() {
            private final Map<String, Object> claims = Map.of("sub", "u-1", "exp", expEpochSeconds);

            @Override
            public String getName() {
                return "u-1";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRole("relationship-manager")
                .addCredential(new TokenCredential(token, "bearer"))
                .addAttribute("tenant-id", "Default")
                .addAttribute(AuthenticationRequestContext.class.getName(), ctx)
                .build();
    }

    private static long inSeconds(long s) {
        return System.currentTimeMillis() / 1000 + s;
    }

    @Test
    void remembersExactlyTheVerifiedTokenWithTheCurrentRequestsContext() {
        VerifiedTokens t = tokens(Duration.ofSeconds(60), 100);
        assertThat(t.find("aaa.bbb.ccc", null, laterRequest)).isNull();
        t.remember(verified("aaa.bbb.ccc", inSeconds(300), firstRequest));

        SecurityIdentity again = t.find("aaa.bbb.ccc", null, laterRequest);
        assertThat(again).isNotNull();
        assertThat(again.getPrincipal().getName()).isEqualTo("u-1");
        assertThat(again.getRoles()).containsExactly("relationship-manager");
        assertThat(again.getCredential(TokenCredential.class).getToken()).isEqualTo("aaa.bbb.ccc");
        assertThat((Object) again.getAttribute("tenant-id")).isEqualTo("Default");
        assertThat((Object) again.getAttribute(AuthenticationRequestContext.class.getName())).isSameAs(laterRequest);
        // one character different (a tampered signature) is not the same token
        assertThat(t.find("aaa.bbb.ccd", null, laterRequest)).isNull();
        assertThat(t.knows("aaa.bbb.ccc")).isTrue();
        assertThat(t.knows("aaa.bbb.ccd")).isFalse();
    }

    @Test
    void theMechanismTakesOnlyABearerToken() {
        assertThat(VerifiedTokens.Mechanism.bearer("Bearer aaa.bbb.ccc")).isEqualTo("aaa.bbb.ccc");
        assertThat(VerifiedTokens.Mechanism.bearer("bearer  aaa.bbb.ccc ")).isEqualTo("aaa.bbb.ccc");
        assertThat(VerifiedTokens.Mechanism.bearer("Basic YTpi")).isNull();
        assertThat(VerifiedTokens.Mechanism.bearer("Bearer ")).isNull();
        assertThat(VerifiedTokens.Mechanism.bearer("Bearer")).isNull();
        assertThat(VerifiedTokens.Mechanism.bearer(null)).isNull();
    }

    @Test
    void forgetsAfterTheTtlAndNeverOutlivesTheTokensExpiry() {
        VerifiedTokens t = tokens(Duration.ofSeconds(60), 100);
        t.remember(verified("long-lived", inSeconds(3600), firstRequest));
        t.remember(verified("short-lived", inSeconds(5), firstRequest));
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(t.find("long-lived", null, laterRequest)).isNotNull();
        assertThat(t.find("short-lived", null, laterRequest)).isNull();
        clock.addAndGet(Duration.ofSeconds(51).toNanos());
        assertThat(t.find("long-lived", null, laterRequest)).isNull();
    }

    @Test
    void leavesAloneWhatItCannotBound() {
        VerifiedTokens t = tokens(Duration.ofSeconds(60), 100);
        t.remember(verified("expired", inSeconds(-1), firstRequest));
        t.remember(verified("no-exp", 0, firstRequest));
        t.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        assertThat(t.size()).isZero();
        VerifiedTokens off = new VerifiedTokens(false, Duration.ofSeconds(60), 100, clock::get);
        off.remember(verified("aaa", inSeconds(300), firstRequest));
        assertThat(off.find("aaa", null, laterRequest)).isNull();
        assertThat(off.knows("aaa")).isFalse();
    }

    @Test
    void staysWithinItsBound() {
        VerifiedTokens t = tokens(Duration.ofSeconds(60), 3);
        for (int i = 0; i < 10; i++) {
            t.remember(verified("token-" + i, inSeconds(300), firstRequest));
            assertThat(t.size()).isLessThanOrEqualTo(3);
        }
        assertThat(t.find("token-9", null, laterRequest)).isNotNull();
    }
}
