package io.aurum.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s in the build: the generated manifests are in sync with their sources, every overlay renders with
 * {@code kubectl kustomize}, every object is valid (Kubernetes kinds through the fabric8 model without unknown
 * fields, operator kinds against deploy/k8s/schemas), and the deployment policies hold.
 */
class KubernetesManifestsTest {

    static final List<String> WORKLOADS = List.of("client-service", "risk-service", "advisory-service",
            "engagement-service", "gateway");
    static final Map<String, Class<? extends KubernetesResource>> CORE_KINDS = Map.of(
            "Deployment", Deployment.class,
            "Service", io.fabric8.kubernetes.api.model.Service.class,
            "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class,
            "Ingress", Ingress.class,
            "NetworkPolicy", NetworkPolicy.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "Namespace", io.fabric8.kubernetes.api.model.Namespace.class);

    @Test
    void generatedManifestsAreInSyncWithTheirSources() throws IOException {
        Map<Path, String> generated = Map.of(
                Manifests.k8s().resolve("base/infra/kafka-topics.yaml"), Manifests.kafkaTopicsYaml(),
                Manifests.k8s().resolve("base/infra/keycloak-realm-import.yaml"), Manifests.realmImportYaml(),
                Manifests.k8s().resolve("overlays/dev/realm-demo-users.yaml"), Manifests.demoUsersPatchYaml());
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            if (Boolean.getBoolean("aurum.k8s.regenerate")) {
                Files.writeString(file.getKey(), file.getValue());
            }
            assertThat(file.getKey()).as("regenerate with -Daurum.k8s.regenerate=true").exists();
            assertThat(Files.readString(file.getKey())).as(file.getKey() + " is generated; regenerate with "
                    + "./mvnw -pl deploy/k8s/check verify -Daurum.k8s.regenerate=true").isEqualTo(file.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersAndEveryObjectIsValid(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        assertThat(objects).hasSizeGreaterThan(30);
        List<String> errors = new ArrayList<>();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            String id = kind + "/" + o.path("metadata").path("name").asText();
            if (!kind.equals("Namespace")) {
                assertThat(o.path("metadata").path("namespace").asText()).as(id + " namespace").isEqualTo("aurum");
            }
            Class<? extends KubernetesResource> type = CORE_KINDS.get(kind);
            if (type != null) {
                Object typed = Manifests.JSON.treeToValue(o, type);
                unknownFields(typed, id, errors);
            } else {
                Path schema = Manifests.k8s().resolve("schemas").resolve(kind + ".json");
                assertThat(schema).as("a schema for operator kind " + kind).exists();
                SchemaCheck.validate(Manifests.JSON.readTree(schema.toFile()), o).forEach(e -> errors.add(id + e));
            }
        }
        assertThat(errors).as("invalid fields in overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void workloadsFollowThePolicies(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        Set<String> documentedSecrets = documentedSecrets();
        Set<String> deployments = new TreeSet<>();
        for (JsonNode o : ofKind(objects, "Deployment")) {
            Deployment d = Manifests.JSON.treeToValue(o, Deployment.class);
            String name = d.getMetadata().getName();
            deployments.add(name);
            var pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " automount token").isFalse();
            for (var c : pod.getContainers()) {
                String id = name + "/" + c.getName();
                assertThat(c.getImage()).as(id + " image tag").matches(".+:[A-Za-z0-9._-]+$").doesNotEndWith(":latest");
                assertThat(c.getStartupProbe()).as(id + " startup probe").isNotNull();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(id).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(id).isEqualTo("/q/health/ready");
                assertThat(c.getResources().getLimits()).as(id + " limits").containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(id + " requests").containsKeys("cpu", "memory");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(id + " read-only root").isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(id).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(id).contains("ALL");
                c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                        .forEach(e -> assertThat(documentedSecrets).as(id + " secret " + e.getValueFrom().getSecretKeyRef().getName()
                                + " documented in deploy/k8s/README.md").contains(e.getValueFrom().getSecretKeyRef().getName()));
                assertThat(c.getEnv()).as(id + ": no secret values inline").noneMatch(e -> e.getValue() != null
                        && e.getName().matches(".*(PASSWORD|SECRET|KEYS?)$"));
            }
        }
        assertThat(deployments).containsAll(WORKLOADS);
        for (JsonNode cm : ofKind(objects, "ConfigMap")) {
            assertThat(names(List.of(cm))).isNotEmpty();
            cm.path("data").fieldNames().forEachRemaining(key -> assertThat(key)
                    .as("ConfigMap " + cm.path("metadata").path("name").asText() + " must not carry secrets")
                    .doesNotMatch(".*(PASSWORD|SECRET|KEYS?)$"));
        }
        // every secret an operator resource points at is documented too
        for (JsonNode o : objects) {
            for (String ref : secretRefs(o)) {
                assertThat(documentedSecrets).as(o.path("kind").asText() + " refers to secret " + ref).contains(ref);
            }
        }
        assertThat(ofKind(objects, "NetworkPolicy")).extracting(n -> n.path("metadata").path("name").asText())
                .contains("default-deny", "gateway-from-ingress", "services-from-gateway");
        JsonNode ingress = ofKind(objects, "Ingress").stream()
                .filter(i -> i.path("metadata").path("name").asText().equals("gateway")).findFirst().orElseThrow();
        assertThat(ingress.path("spec").path("tls")).as("ingress TLS").isNotEmpty();
        // management (health, metrics, Swagger UI) stays off every Service and Ingress: probes and Prometheus reach pods
        for (JsonNode service : ofKind(objects, "Service")) {
            service.path("spec").path("ports").forEach(port -> assertThat(port.path("targetPort").asText())
                    .as(service.path("metadata").path("name") + " exposes a management port").isNotIn("management", "9000"));
        }
        for (JsonNode i : ofKind(objects, "Ingress")) {
            i.findValues("path").forEach(path -> assertThat(path.asText()).as("an Ingress routes /q").doesNotStartWith("/q"));
            i.findValues("port").forEach(port -> assertThat(port.path("name").asText() + port.path("number").asText())
                    .as("an Ingress routes a management port").isNotIn("management", "9000"));
        }
        Deployment gateway = Manifests.JSON.treeToValue(ofKind(objects, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("gateway")).findFirst().orElseThrow(), Deployment.class);
        var gatewayContainer = gateway.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (var probe : List.of(gatewayContainer.getStartupProbe(), gatewayContainer.getLivenessProbe(), gatewayContainer.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).as("gateway probes on its management port").isEqualTo("management");
        }
        assertThat(gateway.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/port", "9000");
        assertThat(ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("backend")
                .path("service").path("name").asText()).isEqualTo("gateway");
        if (overlay.equals("prod")) {
            Set<String> hpas = names(ofKind(objects, "HorizontalPodAutoscaler"));
            Set<String> pdbs = names(ofKind(objects, "PodDisruptionBudget"));
            assertThat(hpas).containsAll(WORKLOADS);
            assertThat(pdbs).containsAll(WORKLOADS);
            for (JsonNode topic : ofKind(objects, "KafkaTopic")) {
                assertThat(topic.path("spec").path("replicas").asInt()).as(topic + " replication").isEqualTo(3);
                assertThat(topic.path("spec").path("config").path("min.insync.replicas").asText()).isEqualTo("2");
                assertThat(topic.path("spec").path("config").has("retention.ms")).isTrue();
            }
            for (JsonNode d : ofKind(objects, "Deployment")) {
                assertThat(d.path("spec").path("replicas").asInt()).as(d.path("metadata").path("name") + " replicas")
                        .isGreaterThanOrEqualTo(2);
            }
        } else {
            for (JsonNode d : ofKind(objects, "Deployment")) {
                assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void everyTopicTheCodeUsesHasAKafkaTopic() throws Exception {
        Set<String> declared = names(ofKind(rendered("prod"), "KafkaTopic"));
        Set<String> used = topicsUsedInCode();
        assertThat(used).as("topics found in the services' code and configuration").hasSizeGreaterThan(8);
        assertThat(declared).containsAll(used);
    }

    /** Topic names in every service's application.properties and in the *Topics classes. */
    static Set<String> topicsUsedInCode() throws IOException {
        Set<String> topics = new TreeSet<>();
        Pattern property = Pattern.compile("^mp\\.messaging\\.[a-z]+\\.[a-z0-9-]+\\.(?:topic|dead-letter-queue\\.topic)=(\\S+)$");
        Pattern constant = Pattern.compile("\"((?:client|risk|advisory|engagement|core)\\.[a-z-]+|[a-z]+-service\\.dlq)\"");
        try (Stream<Path> files = Files.walk(Manifests.root())) {
            for (Path f : files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.aurum/")
                    && !p.toString().contains("/test/")).filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.equals("application.properties")) {
                    for (String line : Files.readAllLines(f)) {
                        Matcher m = property.matcher(line.strip());
                        if (m.matches() && !m.group(1).equals("aurum.unrouted")) {
                            topics.add(m.group(1));
                        }
                    }
                } else if (name.endsWith("Topics.java")) {
                    Matcher m = constant.matcher(Files.readString(f));
                    while (m.find()) {
                        topics.add(m.group(1));
                    }
                }
            }
        }
        return topics;
    }

    static Set<String> documentedSecrets() throws IOException {
        String readme = Files.readString(Manifests.k8s().resolve("README.md"));
        int start = readme.indexOf("## Secrets");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 5));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE).matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Secret names an object refers to (secretKeyRef, secretName, passwordSecret, s3Credentials, tlsSecret, …). */
    static Set<String> secretRefs(JsonNode node) {
        Set<String> refs = new HashSet<>();
        collectSecretRefs(node, null, refs);
        return refs;
    }

    private static void collectSecretRefs(JsonNode node, String field, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if ((key.equals("secretName") || key.equals("tlsSecret")) && v.isTextual()) {
                    refs.add(v.asText());
                } else if ((key.equals("secretKeyRef") || key.equals("secret") || key.endsWith("Secret")
                        || key.equals("accessKeyId") || key.equals("secretAccessKey")) && v.isObject() && v.has("name")) {
                    refs.add(v.get("name").asText());
                } else {
                    collectSecretRefs(v, key, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretRefs(n, field, refs));
        }
    }

    static List<JsonNode> rendered(String overlay) throws Exception {
        String yaml = Manifests.render(overlay);
        Assumptions.assumeTrue(yaml != null, "kubectl is not installed: overlays not rendered (install kubectl to run this check)");
        return Manifests.documents(yaml);
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static Set<String> names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** fabric8 keeps fields it does not know in additionalProperties: any there is a typo or a wrong level. */
    static void unknownFields(Object o, String path, List<String> errors) throws Exception {
        if (o == null || !o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            Object value = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    errors.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else if (value instanceof Collection<?> list) {
                for (Object item : list) {
                    unknownFields(item, path + "." + m.getName().substring(3), errors);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Object item : map.values()) {
                    unknownFields(item, path + "." + m.getName().substring(3), errors);
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), errors);
            }
        }
    }
}
