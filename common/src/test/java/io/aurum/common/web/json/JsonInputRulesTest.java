package io.aurum.common.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.problem.ProblemMappers;
import io.aurum.common.web.InputRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Request bodies read through the customised mapper (as every service reads them): each refused value is a 400 that
 * names its JSON path and says in the bank's words what is expected — never a Java type.
 */
class JsonInputRulesTest {

    enum Gender { FEMALE, MALE, UNDISCLOSED }

    record Line(String productId, BigDecimal amount) {
    }

    record Profile(String fullName, LocalDate birthDate, Gender gender, BigDecimal financialAssets, Instant occurredAt,
                   LocalTime quietHoursStart, int capacity, Long points, UUID clientId, Boolean pep, List<String> tags,
                   Map<String, String> answers, List<Line> lines) {
    }

    final ObjectMapper mapper = customised();

    static ObjectMapper customised() {
        // as Quarkus builds it: unknown fields ignored, the Java time module first, the house rules after
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new JsonInputRules().customize(mapper);
        return mapper;
    }

    Profile read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Profile.class);
    }

    /** The problem the services answer for a body, as field → message. */
    FieldError refused(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> read(json));
        assertThat(e).as("refused: %s", json.length() > 200 ? json.substring(0, 200) : json).isNotNull();
        ApiException problem = ProblemMappers.bodyProblem(e);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).hasSize(1);
        FieldError error = problem.errors().get(0);
        assertThat(problem.getMessage()).isEqualTo(error.field() + " " + error.message());
        assertThat(problem.getMessage()).doesNotContainIgnoringCase("java").doesNotContain("io.aurum").doesNotContain("jackson")
                .doesNotContain("Cannot deserialize").doesNotContain("StreamReadConstraints");
        return error;
    }

    @Test
    void aPlausibleBodyReadsAsBefore() throws Exception {
        Profile p = read("""
                {"fullName":"陈思远 😀","birthDate":"1971-06-15","gender":"MALE","financialAssets":"6200000.00",
                 "occurredAt":"2026-11-25T17:30:00+08:00","quietHoursStart":"22:00","capacity":30,"points":-500,
                 "clientId":"6f1c0a00-0000-4000-8000-000000000001","pep":false,"tags":["golf"],"answers":{"Q1":"B"},
                 "lines":[{"productId":"MF-1","amount":1000.5}]}""");
        assertThat(p.fullName()).isEqualTo("陈思远 😀");
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1971, 6, 15));
        assertThat(p.financialAssets()).isEqualTo(new BigDecimal("6200000.00"));
        assertThat(p.occurredAt()).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
        assertThat(p.lines().get(0).amount()).isEqualTo(new BigDecimal("1000.5"));
        assertThat(p.capacity()).isEqualTo(30);
        Profile blanks = read("{\"birthDate\":\"\",\"financialAssets\":\"\",\"occurredAt\":null,\"fullName\":null}");
        assertThat(blanks.birthDate()).isNull();
        assertThat(blanks.financialAssets()).isNull();
        assertThat(blanks.fullName()).isNull();
    }

    @Test
    void textWithNulHalfCharactersOrInvisibleControlsIsRefusedWhereverItIs() {
        assertThat(refused("{\"fullName\":\"a\\u0000b\"}")).isEqualTo(new FieldError("fullName", "must not contain the NUL character (U+0000)"));
        assertThat(refused("{\"fullName\":\"\\uD800\"}").message()).startsWith("must be valid Unicode text");
        assertThat(refused("{\"fullName\":\"x\\uDC00y\"}").field()).isEqualTo("fullName");
        assertThat(refused("{\"fullName\":\"\u202Egnp.exe\"}").message()).contains("U+202E");
        assertThat(refused("{\"fullName\":\"Li\u200BWei\"}").message()).contains("U+200B");
        assertThat(refused("{\"fullName\":\"\uFEFFLi\"}").message()).contains("U+FEFF");
        assertThat(refused("{\"tags\":[\"golf\",\"\u2066wine\"]}").field()).isEqualTo("tags[1]");
        assertThat(refused("{\"answers\":{\"Q1\":\"B\\u0000\"}}").field()).isEqualTo("answers.Q1");
        assertThat(refused("{\"answers\":{\"Q\\u00001\":\"B\"}}")).satisfies(e -> {
            assertThat(e.field()).startsWith("answers");
            assertThat(e.message()).startsWith("has a name that must not contain the NUL");
        });
        assertThat(refused("{\"lines\":[{\"productId\":\"ok\"},{\"productId\":\"MF\\u202D1\"}]}").field()).isEqualTo("lines[1].productId");
    }

    @Test
    void decimalsBeyondTheBoundsAreRefusedAtOnceAsNumbersOrStrings() {
        String rule = "must be a decimal number with at most 18 digits before and 8 after the point";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String bad : new String[]{"1e-2000000", "1e400", "-1e400", "123456789012345678901234567890123456789",
                    "9223372036854775808", "0.000000001", "\"1e-2000000\"", "\"1e400\"", "\"NaN\"", "\"12 345\"", "true", "[1]", "{}"}) {
                assertThat(refused("{\"financialAssets\":" + bad + "}")).as(bad).isEqualTo(new FieldError("financialAssets", rule));
            }
            assertThat(refused("{\"lines\":[{\"amount\":\"1e-4000000\"}]}")).isEqualTo(new FieldError("lines[0].amount", rule));
        });
    }

    @Test
    void datesAndMomentsOutsideTheBanksRangeAreRefusedInBankWords() {
        String date = "must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31";
        for (String bad : new String[]{"\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"",
                "\"2026-02-30\"", "\"15/06/1971\"", "19710615", "[1971,6,15]", "true"}) {
            assertThat(refused("{\"birthDate\":" + bad + "}")).as(bad).isEqualTo(new FieldError("birthDate", date));
        }
        for (String bad : new String[]{"\"+999999999-12-31T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"", "\"2201-01-01T00:00:00Z\"",
                "\"2026-11-25T09:30:00\"", "1764063000", "1e400", "\"soon\""}) {
            assertThat(refused("{\"occurredAt\":" + bad + "}")).as(bad).isEqualTo(new FieldError("occurredAt", InputRules.INSTANT_RULE));
        }
    }

    @Test
    void wrongKindsOfValueSayWhatIsExpectedNotWhichJavaTypeFailed() {
        assertThat(refused("{\"gender\":\"ZZZ_UNKNOWN_ENUM\"}"))
                .isEqualTo(new FieldError("gender", "must be one of FEMALE, MALE, UNDISCLOSED"));
        assertThat(refused("{\"quietHoursStart\":\"25:99\"}")).isEqualTo(new FieldError("quietHoursStart", "must be a time of day (HH:MM)"));
        assertThat(refused("{\"clientId\":\"not-a-uuid\"}")).isEqualTo(new FieldError("clientId", "must be a UUID"));
        assertThat(refused("{\"capacity\":\"many\"}").message()).startsWith("must be a whole number");
        assertThat(refused("{\"capacity\":1.5}").message()).startsWith("must be a whole number");
        assertThat(refused("{\"capacity\":1e400}").message()).startsWith("must be a whole number");
        assertThat(refused("{\"points\":9223372036854775808}")).isEqualTo(new FieldError("points", "must be a whole number of at most 18 digits"));
        assertThat(refused("{\"pep\":\"perhaps\"}")).isEqualTo(new FieldError("pep", "must be true or false"));
        assertThat(refused("{\"tags\":{\"a\":1}}")).isEqualTo(new FieldError("tags", "must be a list"));
        assertThat(refused("{\"lines\":[\"x\"]}")).isEqualTo(new FieldError("lines[0]", "must be an object"));
        assertThat(refused("\"just a string\"")).isEqualTo(new FieldError("body", "must be an object"));
        assertThat(refused("{\"fullName\":{\"nested\":\"<script>\"}}")).isEqualTo(new FieldError("fullName", "must be text"));
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() {
        assertThat(refused("{\"fullName\":\"a\",\"fullName\":\"b\"}")).isEqualTo(new FieldError("fullName", "appears twice; send each field once"));
        assertThat(refused("{\"a\":1,\"a\":2}").field()).isEqualTo("a");
        assertThat(refused("{\"lines\":[{\"amount\":1,\"amount\":2}]}").field()).isEqualTo("lines[0].amount");
        JsonProcessingException tree = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readTree("{\"a\":1,\"a\":2}"));
        assertThat(ProblemMappers.bodyProblem(tree).errors().get(0).field()).isEqualTo("a");
    }

    @Test
    void deepNestingHugeTextAndHugeNumbersAreRefusedAsTheBodyAtOnce() {
        String limits = JsonInputRules.BODY_LIMITS;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // a field the request does not have is skipped, but the parser still walks it: 200 levels, not Jackson's 1,000
            assertThat(refused("{\"extra\":" + "[".repeat(200) + "]".repeat(200) + "}")).isEqualTo(new FieldError("body", limits));
            assertThat(mapper.readTree("[".repeat(200) + "]".repeat(200))).isNotNull();
            assertThat(refused("{\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}")).isEqualTo(new FieldError("body", limits));
            assertThat(refused("{\"extra\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001))).isEqualTo(new FieldError("body", limits));
            // where the request wants an object, the first bracket already says enough
            assertThat(refused("[".repeat(5000) + "]".repeat(5000))).isEqualTo(new FieldError("body", "must be an object"));
            assertThat(refused("{\"fullName\":\"" + "B".repeat(1_000_001) + "\"}")).isEqualTo(new FieldError("body", limits));
            assertThat(refused("{\"financialAssets\":" + "9".repeat(101) + "}")).isEqualTo(new FieldError("body", limits));
            JsonProcessingException tree = catchThrowableOfType(JsonProcessingException.class,
                    () -> mapper.readTree("[".repeat(5000) + "]".repeat(5000)));
            assertThat(ProblemMappers.bodyProblem(tree).errors()).containsExactly(new FieldError("body", limits));
        });
        assertThat(limits).isEqualTo("must be JSON nested at most 200 levels deep, with texts of at most 1,000,000 characters,"
                + " numbers of at most 100 characters and field names of at most 1,000 characters");
    }

    @Test
    void malformedJsonIsNamedAsTheBody() {
        assertThat(refused("{")).isEqualTo(new FieldError("body", "is not valid JSON"));
        assertThat(refused("{\"fullName\":\"a\"")).isEqualTo(new FieldError("body", "is not valid JSON"));
        assertThat(refused("{\"capacity\":NaN}")).isEqualTo(new FieldError("body", "is not valid JSON"));
        byte[] invalidUtf8 = {0x7b, 0x22, 0x66, 0x75, 0x6c, 0x6c, 0x4e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, (byte) 0xff, (byte) 0xfe, 0x22, 0x7d};
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(invalidUtf8, Profile.class));
        assertThat(ProblemMappers.bodyProblem(e).errors()).containsExactly(new FieldError("body", "is not valid JSON"));
    }

    @Test
    void treesBuiltFromAPatchAreCheckedWhenTheyBecomeABody() throws Exception {
        JsonNode patch = mapper.readTree("{\"birthDate\":\"+999999999-01-01\",\"fullName\":\"ok\"}");
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.treeToValue(patch, Profile.class));
        assertThat(ProblemMappers.bodyProblem(e).errors()).containsExactly(new FieldError("birthDate", InputRules.DATE_RULE));
        JsonNode amount = mapper.readTree("{\"financialAssets\":1e400}");
        e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.treeToValue(amount, Profile.class));
        assertThat(ProblemMappers.bodyProblem(e).errors()).containsExactly(new FieldError("financialAssets", InputRules.DECIMAL_RULE));
        JsonNode text = mapper.readTree("{\"fullName\":\"\\u0000\"}");
        e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.treeToValue(text, Profile.class));
        assertThat(ProblemMappers.bodyProblem(e).errors().get(0).field()).isEqualTo("fullName");
    }
}
