package io.aurum.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAddressTest {

    final CallerAddress behindIngress = new CallerAddress(List.of("10.0.0.0/8", "192.0.2.7"));

    @Test
    void onlyATrustedProxysChainIsBelievedAndOnlyItsRightMostUntrustedHop() {
        assertThat(behindIngress.of("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(behindIngress.of("10.1.2.3", "6.6.6.6, 198.51.100.4, 10.9.9.9")).isEqualTo("198.51.100.4");
        assertThat(behindIngress.of("192.0.2.7", "198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(behindIngress.of("203.0.113.5", "198.51.100.4")).as("a caller's own header").isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("11.0.0.1", "198.51.100.4")).isEqualTo("11.0.0.1");
        assertThat(behindIngress.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(behindIngress.of("10.1.2.3", "not-an-ip")).as("garbage is what the caller says it is")
                .isEqualTo("not-an-ip");
    }

    @Test
    void theUpstreamsChainIsExtendedOnlyFromATrustedProxy() {
        assertThat(behindIngress.forwardedFor("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4, 10.1.2.3");
        assertThat(behindIngress.forwardedFor("203.0.113.5", "1.2.3.4")).isEqualTo("203.0.113.5");
        assertThat(new CallerAddress(List.of()).of("127.0.0.1", "1.2.3.4")).isEqualTo("127.0.0.1");
    }
}
