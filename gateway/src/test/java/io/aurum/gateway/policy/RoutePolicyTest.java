package io.aurum.gateway.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutePolicyTest {

    static RoutePolicy shipped() throws IOException {
        return RoutePolicy.parse(new InputStreamReader(RoutePolicyTest.class.getResourceAsStream("/gateway-policy.conf"),
                StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource({
            "GET,/api/clients,relationship-manager,ALLOW",
            "GET,/api/clients/abc,client,ALLOW",
            "GET,/api/clients/abc,partner,DENY",
            "GET,/api/clients/abc,ops-admin,DENY",
            "POST,/api/clients,relationship-manager,ALLOW",
            "POST,/api/clients,client,DENY",
            "POST,/api/clients,partner,DENY",
            "POST,/api/clients/referrals,partner,ALLOW",
            "POST,/api/clients/referrals,relationship-manager,DENY",
            "GET,/api/risk/levels,partner,ALLOW",
            "GET,/api/risk/clients/x/profile,partner,DENY",
            "POST,/api/risk/questionnaires,ops-admin,ALLOW",
            "POST,/api/risk/questionnaires,relationship-manager,DENY",
            "POST,/api/risk/suitability-exceptions/x/approve,compliance-officer,ALLOW",
            "POST,/api/risk/suitability-exceptions/x/approve,relationship-manager,DENY",
            "GET,/api/risk/reports/failed-checks,compliance-officer,ALLOW",
            "GET,/api/risk/reports/failed-checks,team-lead,DENY",
            "GET,/api/advice/products,partner,ALLOW",
            "POST,/api/advice/products,partner,ALLOW",
            "POST,/api/advice/proposals,partner,DENY",
            "GET,/api/advice/proposals/1,partner,DENY",
            "GET,/api/engagement/tasks,partner,DENY",
            "POST,/api/engagement/cadences,relationship-manager,DENY",
            "DELETE,/api/risk/levels,compliance-officer,DENY",
            "GET,/api/unknown,compliance-officer,DENY",
            "GET,/api//clients/,client,ALLOW"})
    void theShippedPolicy(String method, String path, String role, RoutePolicy.Decision expected) throws IOException {
        assertThat(shipped().decide(method, path, Set.of(role))).isEqualTo(expected);
    }

    @Test
    void complianceNeverWritesClientData() throws IOException {
        RoutePolicy policy = shipped();
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(policy.decide(method, "/api/clients/x", Set.of("compliance-officer"))).isEqualTo(RoutePolicy.Decision.DENY);
        }
    }

    @Test
    void wildcardsMatchSegments() {
        assertThat(RoutePolicy.compile("/a/*/c").matcher("/a/b/c").matches()).isTrue();
        assertThat(RoutePolicy.compile("/a/*/c").matcher("/a/b/x/c").matches()).isFalse();
        assertThat(RoutePolicy.compile("/a/**").matcher("/a").matches()).isTrue();
        assertThat(RoutePolicy.compile("/a/**").matcher("/a/b/c").matches()).isTrue();
        assertThat(RoutePolicy.compile("/a/**").matcher("/ab").matches()).isFalse();
    }

    @Test
    void aMalformedLineIsNamed() {
        assertThatThrownBy(() -> RoutePolicy.parse(new StringReader("GET /api/x\n")))
                .hasMessageContaining("line 1");
    }
}
