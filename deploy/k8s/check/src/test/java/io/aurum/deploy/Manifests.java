package io.aurum.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths, rendering and the two generated manifests (Kafka topics, realm import) of deploy/k8s. */
final class Manifests {

    static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}");

    private Manifests() {
    }

    static Path root() {
        String root = System.getProperty("aurum.root");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("deploy/k8s"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root with deploy/k8s not found");
        }
        return p;
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    /** {@code kubectl kustomize} of an overlay, or null when kubectl is not installed. */
    static String render(String overlay) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", k8s().resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return null; // no kubectl on this machine
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed:\n" + out);
        }
        return out;
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    // ------------------------------------------------------------------ generated: Kafka topics

    /** Topic → partitions, from deploy/local/topics.txt (the list ./aurum creates locally). */
    static Map<String, Integer> topics() throws IOException {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root().resolve("deploy/local/topics.txt"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            topics.put(parts[0], Integer.parseInt(parts[1]));
        }
        return topics;
    }

    static String kafkaTopicsYaml() throws IOException {
        StringBuilder out = new StringBuilder("# GENERATED from deploy/local/topics.txt by KubernetesManifestsTest "
                + "(-Daurum.k8s.regenerate=true); do not edit.\n"
                + "# Replication 1 here; the prod overlay sets 3 (min.insync.replicas 2). Retention: 7 days, DLQs 30 days.\n");
        for (Map.Entry<String, Integer> t : topics().entrySet()) {
            boolean dlq = t.getKey().endsWith(".dlq");
            ObjectNode topic = JSON.createObjectNode();
            topic.put("apiVersion", "kafka.strimzi.io/v1beta2");
            topic.put("kind", "KafkaTopic");
            ObjectNode meta = topic.putObject("metadata");
            meta.put("name", t.getKey());
            meta.putObject("labels").put("strimzi.io/cluster", "aurum-kafka");
            ObjectNode spec = topic.putObject("spec");
            spec.put("topicName", t.getKey());
            spec.put("partitions", t.getValue());
            spec.put("replicas", 1);
            ObjectNode config = spec.putObject("config");
            config.put("retention.ms", dlq ? "2592000000" : "604800000");
            config.put("cleanup.policy", "delete");
            config.put("min.insync.replicas", "1");
            out.append("---\n").append(YAML.writeValueAsString(topic));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ generated: realm import

    static final String SECRET_CLIENTS = "aurum-keycloak-clients";

    /** The KeycloakRealmImport of deploy/realm/aurum-realm.json: without the demo people (dev adds them). */
    static String realmImportYaml() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(root().resolve("deploy/realm/aurum-realm.json").toFile());
        ArrayNode users = (ArrayNode) realm.get("users");
        ArrayNode serviceAccounts = JSON.createArrayNode();
        users.forEach(u -> {
            if (u.path("username").asText().startsWith("service-account-")) {
                serviceAccounts.add(u);
            }
        });
        realm.set("users", serviceAccounts);
        // in a cluster every placeholder comes from the Secret: the local realm's development defaults never apply
        realm = (ObjectNode) JSON.readTree(JSON.writeValueAsString(realm).replaceAll("\\$\\{([A-Z0-9_]+):[^}]*}", "\\${$1}"));
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "aurum-realm");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "aurum-keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (String name : placeholderNames(JSON.writeValueAsString(realm))) {
            ObjectNode secret = placeholders.putObject(name).putObject("secret");
            secret.put("name", SECRET_CLIENTS);
            secret.put("key", secretKey(name));
        }
        spec.set("realm", realm);
        return "# GENERATED from deploy/realm/aurum-realm.json by KubernetesManifestsTest (-Daurum.k8s.regenerate=true);\n"
                + "# do not edit. Client secrets come from Secret " + SECRET_CLIENTS + "; demo users only in the dev overlay.\n"
                + YAML.writeValueAsString(cr);
    }

    /** The dev overlay's patch: every user of the realm file, demo people included (password from Secret aurum-demo-users). */
    static String demoUsersPatchYaml() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(root().resolve("deploy/realm/aurum-realm.json").toFile());
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        cr.putObject("metadata").put("name", "aurum-realm");
        ObjectNode spec = cr.putObject("spec");
        ObjectNode placeholders = spec.putObject("placeholders");
        if (JSON.writeValueAsString(realm.get("users")).contains("${AURUM_DEMO_PASSWORD")) {
            ObjectNode secret = placeholders.putObject("AURUM_DEMO_PASSWORD").putObject("secret");
            secret.put("name", "aurum-demo-users");
            secret.put("key", "password");
        }
        spec.putObject("realm").set("users", realm.get("users"));
        return "# GENERATED from deploy/realm/aurum-realm.json by KubernetesManifestsTest (-Daurum.k8s.regenerate=true);\n"
                + "# do not edit. The demo users of the local stack, for the dev overlay only.\n"
                + YAML.writeValueAsString(cr);
    }

    static List<String> placeholderNames(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1)) && !m.group(1).equals("AURUM_DEMO_PASSWORD")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** AURUM_CLIENT_SERVICE_SECRET → client-service. */
    static String secretKey(String placeholder) {
        return placeholder.replaceFirst("^AURUM_", "").replaceFirst("_SECRET$", "").toLowerCase().replace('_', '-');
    }
}
