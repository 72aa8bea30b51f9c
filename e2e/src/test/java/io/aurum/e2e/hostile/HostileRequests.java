package io.aurum.e2e.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates hostile requests for every operation of the aggregated OpenAPI document: wrong types, missing and extra
 * fields, huge strings and numbers, invalid UTF-8, unknown enum values, SQL/script injection, path traversal,
 * oversize bodies, duplicate keys, malformed JSON and wrong content types — on path parameters, query parameters and
 * JSON bodies (built from each operation's schema, then broken one way at a time). Issue 28 adds, per parameter and per
 * field by its schema type: NUL, lone surrogates, bidi overrides and zero-width characters; dates of year ±999999999,
 * 1899, 2201 or 2026-02-30; exponents such as 1e-2000000 and 1e400, 40-digit numbers and 9223372036854775808; deep
 * nesting and a real field sent twice. Deterministic for a seed.
 */
public final class HostileRequests {

    /** One request to send. {@code body} is raw bytes (so invalid UTF-8 can be sent); null for none. */
    public record Request(String operation, String method, String path, String contentType, byte[] body, String kind) {
    }

    /** An operation of the document. */
    public record Operation(String method, String pathTemplate, List<String> pathParams, Map<String, JsonNode> queryParams,
                            JsonNode bodySchema, String bodyContentType) {
        public String id() {
            return method.toUpperCase() + " " + pathTemplate;
        }
    }

    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1", "'; DROP TABLE client; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}",
            "\u202Egnp.exe", "😀".repeat(500), "A".repeat(100_000), "\uD800", "NaN", "-1", "1e309", "null", "[]", "{}",
            "SELECT pg_sleep(10)", "admin'--", "\\", "\r\nSet-Cookie: x=y");
    static final List<String> HOSTILE_NUMBERS = List.of("1e400", "-1e400", "123456789012345678901234567890123456789",
            "-99999999999999999999", "0.0000000000000000000000001", "NaN", "Infinity", "-0", "1.5e-400", "9223372036854775808");
    /** Text PostgreSQL cannot store or that reads differently from what is stored (issue 28): each must be a 400. */
    static final List<String> HOSTILE_UNICODE = List.of("a\u0000b", "\u0000", "\uDC00", "x\uD800y", "\u202Dgnp.exe",
            "Li\u202EWei", "zero\u200Bwidth", "\u200D", "\u2066isolate\u2069", "\uFEFFbom", "word\u2060joiner", "\u200Fmark");
    /** Those a URL can carry: UTF-8 has no encoding for half a surrogate pair (URLEncoder would send "?"). */
    static final List<String> HOSTILE_UNICODE_IN_URLS = HOSTILE_UNICODE.stream()
            .filter(v -> v.chars().noneMatch(c -> Character.isSurrogate((char) c))).toList();
    /** Dates outside 1900-01-01 … 2200-12-31, or no such day. */
    static final List<String> HOSTILE_DATES = List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01",
            "2026-02-30", "0000-01-01");
    static final List<String> HOSTILE_DATE_TIMES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25T09:30:00");
    /** Numbers whose exponent or length would cost time or overflow a long. */
    static final List<String> HOSTILE_DECIMALS = List.of("1e-2000000", "1e400", "-1e400", "1234567890123456789012345678901234567890",
            "9223372036854775808", "1e-4000000", "0.000000001");
    static final List<String> HOSTILE_PATH_SEGMENTS = List.of("not-a-uuid", "..%2F..%2Fadmin", "%2e%2e%2f%2e%2e%2fq%2fmetrics",
            "%27%20OR%201%3D1", "%3Cscript%3E", "00000000-0000-0000-0000-000000000000", "A".repeat(3000), "%00", "C9", "-1",
            "%E2%80%AE", "%EF%BB%BF", "a%E2%80%8Bb", "%ED%A0%80");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode components;
    private final Random random;

    public HostileRequests(JsonNode document, long seed) {
        this.components = document.path("components").path("schemas");
        this.random = new Random(seed);
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(m.getKey())) {
                    continue;
                }
                JsonNode op = m.getValue();
                List<String> pathParams = new ArrayList<>();
                Map<String, JsonNode> query = new LinkedHashMap<>();
                for (JsonNode param : op.path("parameters")) {
                    if ("path".equals(param.path("in").asText())) {
                        pathParams.add(param.path("name").asText());
                    } else if ("query".equals(param.path("in").asText())) {
                        query.put(param.path("name").asText(), param.path("schema"));
                    }
                }
                JsonNode content = op.path("requestBody").path("content");
                String type = null;
                JsonNode schema = null;
                if (content.isObject() && content.size() > 0) {
                    type = content.has("application/json") ? "application/json" : content.fieldNames().next();
                    schema = content.path(type).path("schema");
                }
                ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), pathParams, query, schema, type));
            }
        }
        return ops;
    }

    /** About {@code count} requests for one operation: one plausible request, then each kind of attack. */
    public List<Request> generate(Operation op, int count) {
        List<Request> out = new ArrayList<>();
        JsonNode valid = op.bodySchema() == null ? null : sample(op.bodySchema(), 0);
        out.add(request(op, validPath(op), validQuery(op), op.bodyContentType(), bytes(valid), "plausible"));
        for (String name : op.pathParams()) {
            for (String v : HOSTILE_PATH_SEGMENTS) {
                out.add(request(op, op.pathTemplate().replace("{" + name + "}", v).replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                        validQuery(op), op.bodyContentType(), bytes(valid), "path:" + name));
            }
        }
        for (String name : op.queryParams().keySet()) {
            for (String v : pick(HOSTILE_STRINGS, 5)) {
                Map<String, String> q = validQuery(op);
                q.put(name, v);
                out.add(request(op, validPath(op), q, op.bodyContentType(), bytes(valid), "query:" + name));
            }
            Map<String, String> q = validQuery(op);
            q.put(name, HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
            out.add(request(op, validPath(op), q, op.bodyContentType(), bytes(valid), "query-number:" + name));
            q = validQuery(op);
            q.put(name, HOSTILE_UNICODE_IN_URLS.get(random.nextInt(HOSTILE_UNICODE_IN_URLS.size())));
            out.add(request(op, validPath(op), q, op.bodyContentType(), bytes(valid), "query-unicode:" + name));
            List<String> typed = hostileFor(op.queryParams().get(name));
            typed = typed == HOSTILE_UNICODE ? HOSTILE_UNICODE_IN_URLS : typed;
            if (typed != null) {
                q = validQuery(op);
                q.put(name, typed.get(random.nextInt(typed.size())));
                out.add(request(op, validPath(op), q, op.bodyContentType(), bytes(valid), "query-typed:" + name));
            }
        }
        String json = op.bodyContentType() == null ? "application/json" : op.bodyContentType();
        List<byte[]> raw = List.of(
                "{".getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), "\"just a string\"".getBytes(StandardCharsets.UTF_8),
                "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                new byte[]{0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x22, 0x7d},
                ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                ("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                ("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8),
                ("{\"x\":\"" + "B".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        for (byte[] b : raw) {
            out.add(request(op, validPath(op), validQuery(op), json, b, "raw-body"));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            out.add(request(op, validPath(op), validQuery(op), type, bytes(valid == null ? JsonNodeFactory.instance.objectNode() : valid),
                    "content-type"));
        }
        if (valid != null && valid.isObject()) {
            List<String> fields = new ArrayList<>();
            valid.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                ObjectNode missing = valid.deepCopy();
                missing.remove(f);
                out.add(request(op, validPath(op), validQuery(op), json, bytes(missing), "missing:" + f));
            }
            if (!fields.isEmpty()) {
                // a real field twice: which of the two values counts must not be a question
                String f = fields.get(random.nextInt(fields.size()));
                String doubled = "{" + jsonText(f) + ":" + jsonText("ZZZ_UNKNOWN_ENUM") + "," + new String(bytes(valid), StandardCharsets.UTF_8).substring(1);
                out.add(request(op, validPath(op), validQuery(op), json, doubled.getBytes(StandardCharsets.UTF_8), "duplicate-key:" + f));
            }
            Map<String, JsonNode> properties = properties(op.bodySchema());
            for (String f : fields) {
                List<String> typed = hostileFor(properties.get(f));
                if (typed == null) {
                    continue;
                }
                ObjectNode broken = valid.deepCopy();
                String v = typed.get(random.nextInt(typed.size()));
                boolean number = typed == HOSTILE_DECIMALS && random.nextBoolean();
                // decimals also as bare JSON numbers (written as they are, not as a double)
                String body = new String(bytes(broken.put(f, number ? "@@N@@" : v)), StandardCharsets.UTF_8)
                        .replace("\"@@N@@\"", v);
                out.add(request(op, validPath(op), validQuery(op), json, body.getBytes(StandardCharsets.UTF_8), "field-typed:" + f));
            }
            ObjectNode extra = valid.deepCopy();
            extra.put("isAdmin", true);
            extra.put("tier", "PRIVATE");
            extra.putObject("__proto__").put("polluted", true);
            out.add(request(op, validPath(op), validQuery(op), json, bytes(extra), "extra-fields"));
            while (out.size() < count && !fields.isEmpty()) {
                ObjectNode broken = valid.deepCopy();
                String f = fields.get(random.nextInt(fields.size()));
                broken.set(f, hostileValue(valid.get(f)));
                if (random.nextInt(4) == 0 && fields.size() > 1) {
                    String g = fields.get(random.nextInt(fields.size()));
                    broken.set(g, hostileValue(valid.get(g)));
                }
                out.add(request(op, validPath(op), validQuery(op), json, bytes(broken), "field:" + f));
            }
        }
        while (out.size() < count) {
            // operations without a body: more attacks on their parameters
            Map<String, String> q = validQuery(op);
            for (String name : op.queryParams().keySet()) {
                if (random.nextBoolean()) {
                    q.put(name, random.nextBoolean() ? HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()))
                            : HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
                }
            }
            String path = op.pathTemplate();
            for (String name : op.pathParams()) {
                path = path.replace("{" + name + "}", random.nextBoolean() ? UUID.randomUUID().toString()
                        : HOSTILE_PATH_SEGMENTS.get(random.nextInt(HOSTILE_PATH_SEGMENTS.size())));
            }
            out.add(request(op, path, q, op.bodyContentType(), bytes(valid), "mixed"));
        }
        return out;
    }

    private JsonNode hostileValue(JsonNode current) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.textNode(HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size())));
            case 1 -> f.numberNode(new java.math.BigDecimal(HOSTILE_NUMBERS.get(random.nextInt(3))));
            case 2 -> f.nullNode();
            case 3 -> f.booleanNode(true);
            case 4 -> f.arrayNode().add(f.textNode("x")).add(f.numberNode(1));
            case 5 -> f.objectNode().put("nested", "<script>");
            case 6 -> f.textNode("ZZZ_UNKNOWN_ENUM");
            case 7 -> current != null && current.isObject() ? hostileObject((ObjectNode) current) : f.textNode("A".repeat(70_000));
            default -> f.numberNode(-1);
        };
    }

    /**
     * The hostile values (issue 28) for a parameter or field of a schema: dates for dates, moments for date-times,
     * decimals for numbers, text for other strings; null for what is none of these (objects, lists, booleans).
     */
    List<String> hostileFor(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s == null) {
            return null;
        }
        String type = s.path("type").asText("");
        String format = s.path("format").asText("");
        if ("date".equals(format)) {
            return HOSTILE_DATES;
        }
        if ("date-time".equals(format)) {
            return HOSTILE_DATE_TIMES;
        }
        if ("number".equals(type) || "integer".equals(type)) {
            return HOSTILE_DECIMALS;
        }
        if ("string".equals(type) && !s.has("enum") && !"uuid".equals(format)) {
            return HOSTILE_UNICODE;
        }
        return null;
    }

    /** The properties of an object schema (through $ref and the first allOf); empty for anything else. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode s = resolve(schema);
        if (s != null) {
            s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; schema != null && !schema.isMissingNode() && depth < 8; depth++) {
            if (schema.has("$ref")) {
                schema = components.path(schema.get("$ref").asText().replace("#/components/schemas/", ""));
            } else if (schema.has("allOf") && schema.get("allOf").size() > 0 && !schema.has("type")) {
                schema = schema.get("allOf").get(0);
            } else {
                return schema;
            }
        }
        return null;
    }

    private String jsonText(String text) {
        return new String(bytes(JsonNodeFactory.instance.textNode(text)), StandardCharsets.UTF_8);
    }

    private JsonNode hostileObject(ObjectNode current) {
        ObjectNode copy = current.deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            String n = names.get(random.nextInt(names.size()));
            copy.set(n, random.nextBoolean() ? JsonNodeFactory.instance.textNode("1e400") : JsonNodeFactory.instance.textNode("' OR 1=1 --"));
        }
        return copy;
    }

    private String validPath(Operation op) {
        String path = op.pathTemplate();
        for (String name : op.pathParams()) {
            path = path.replace("{" + name + "}", "level".equals(name) ? "C3" : UUID.randomUUID().toString());
        }
        return path;
    }

    private Map<String, String> validQuery(Operation op) {
        Map<String, String> q = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : op.queryParams().entrySet()) {
            if (random.nextInt(3) == 0) {
                JsonNode v = sample(e.getValue(), 0);
                if (v != null && v.isValueNode() && !v.isNull()) {
                    q.put(e.getKey(), v.asText());
                }
            }
        }
        return q;
    }

    /** A plausible value for a schema (required and optional properties, first enum values, sample formats). */
    JsonNode sample(JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return f.nullNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return sample(components.path(name), depth + 1);
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return sample(schema.get("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf") && schema.get("oneOf").size() > 0) {
            return sample(schema.get("oneOf").get(0), depth + 1);
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode o = f.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    JsonNode v = sample(p.getValue(), depth + 1);
                    if (v != null && !v.isNull()) {
                        o.set(p.getKey(), v);
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = f.arrayNode();
                JsonNode item = sample(schema.path("items"), depth + 1);
                if (item != null && !item.isNull()) {
                    a.add(item);
                }
                return a;
            }
            case "integer":
                return f.numberNode(1);
            case "number":
                return f.numberNode(new java.math.BigDecimal("1000.00"));
            case "boolean":
                return f.booleanNode(false);
            default: {
                String format = schema.path("format").asText("");
                return switch (format) {
                    case "uuid" -> f.textNode(UUID.randomUUID().toString());
                    case "date" -> f.textNode(LocalDate.now().plusYears(1).toString());
                    case "date-time" -> f.textNode(java.time.Instant.now().plusSeconds(86_400 * 30).toString());
                    default -> f.textNode(schema.has("pattern") ? "ABC-123" : "e2e hostile sample");
                };
            }
        }
    }

    private <T> List<T> pick(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private byte[] bytes(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request request(Operation op, String path, Map<String, String> query, String contentType, byte[] body, String kind) {
        StringBuilder url = new StringBuilder(path);
        if (!query.isEmpty()) {
            url.append('?');
            query.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            url.setLength(url.length() - 1);
        }
        boolean sendsBody = !"GET".equals(op.method()) && !"DELETE".equals(op.method());
        return new Request(op.id(), op.method(), url.toString(), sendsBody ? contentType : null, sendsBody ? body : null, kind);
    }
}
