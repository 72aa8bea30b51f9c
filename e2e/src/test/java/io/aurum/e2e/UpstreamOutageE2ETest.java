package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A real service stopped under the running suite: the gateway answers 503 problem+json naming it, the other
 * routes keep working, and the service is back once restarted. Runs last (see junit-platform.properties).
 */
@Order(Integer.MAX_VALUE)
class UpstreamOutageE2ETest {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
    }

    @Test
    void aStoppedServiceIs503AtTheGatewayAndTheRestKeepsWorking() throws Exception {
        Path logs = Path.of(System.getProperty("aurum.logs.dir", ".aurum/test/logs"));
        Path pidFile = logs.resolveSibling("pids").resolve("advisory-service.pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle service = ProcessHandle.of(pid).orElseThrow();
        List<String> command = split(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")));
        List<String> environment = split(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")));
        String advisor = KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN);
        given().auth().oauth2(advisor).get("/api/advice/products").then().statusCode(200);

        service.destroy();
        service.onExit().get(30, TimeUnit.SECONDS);
        given().auth().oauth2(advisor).get("/api/advice/products")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/upstream-unavailable"))
                .body("detail", equalTo("The advice service is unavailable"));
        given().auth().oauth2(advisor).get("/api/risk/levels").then().statusCode(200);

        // start it again exactly as ./aurum did, so the rest of the run (and ./aurum's clean-up) find it
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        for (String variable : environment) {
            int eq = variable.indexOf('=');
            if (eq > 0) {
                builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
            }
        }
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("advisory-service.log").toFile()));
        Process restarted = builder.start();
        Files.writeString(pidFile, restarted.pid() + "\n");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(advisor).get("/api/advice/products").then().statusCode(200));
    }

    private static List<String> split(byte[] nulSeparated) {
        List<String> parts = new ArrayList<>(Arrays.asList(new String(nulSeparated, StandardCharsets.UTF_8).split("\0")));
        parts.removeIf(String::isEmpty);
        return parts;
    }

}
