package io.aurum.common.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.aurum.common.web.InputRules;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Applies the {@link InputRules} to every JSON body the services read (and to every event they consume, through the
 * same mapper): text, decimals, dates and moments are checked as they are read, so a refused value names its field
 * with the reason, and nothing downstream ever sees it. Also bounds the parser itself and refuses duplicate keys,
 * which would otherwise let the last one silently win.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    /** Deeper than any request or event of the suite, far below what would exhaust a thread's stack. */
    public static final int MAX_NESTING = 200;
    /** A complaint's description or a questionnaire's text fits many times over. */
    public static final int MAX_TEXT_LENGTH = 1_000_000;
    /** Longer than any decimal {@link InputRules} takes; a longer number is refused before it is converted. */
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 1_000;

    public static final String BODY_LIMITS = "must be JSON nested at most " + MAX_NESTING + " levels deep, with texts of at most "
            + String.format("%,d", MAX_TEXT_LENGTH) + " characters, numbers of at most " + MAX_NUMBER_LENGTH
            + " characters and field names of at most " + String.format("%,d", MAX_NAME_LENGTH) + " characters";

    @Override
    public int priority() {
        // after Quarkus has registered the Java time module, so that these date deserializers are the ones used
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_TEXT_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // 1.5 points or 2.7 days are a mistake to tell the caller about, not a number to truncate
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(module());
    }

    /** The deserializers on their own, for mappers built outside CDI (tests, tools). */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("aurum-input-rules");
        module.addDeserializer(String.class, new Text());
        module.addKeyDeserializer(String.class, new TextKey());
        module.addDeserializer(BigDecimal.class, new Checked<>(BigDecimal.class, InputRules::decimal, InputRules.DECIMAL_RULE,
                true, LogicalType.Float));
        module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, InputRules::date, InputRules.DATE_RULE,
                false, LogicalType.DateTime));
        module.addDeserializer(Instant.class, new Checked<>(Instant.class, InputRules::instant, InputRules.INSTANT_RULE,
                false, LogicalType.DateTime));
        return module;
    }

    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = InputRules.textProblem(value);
            if (problem != null) {
                throw new RefusedValue(p, problem, String.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = InputRules.textProblem(key);
            if (problem != null) {
                throw new RefusedValue(ctxt.getParser(), "has a name that " + problem, String.class);
            }
            return key;
        }
    }

    /**
     * A value written as JSON text (and, for decimals, also as a JSON number) that one of the {@link InputRules}
     * parses; anything else, or what the rule refuses, is a {@link RefusedValue} with the rule's reason. A blank text
     * reads as absent, as Jackson's own deserializers have it.
     */
    static final class Checked<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> rule;
        private final String expected;
        private final boolean numbers;
        private final LogicalType logicalType;

        Checked(Class<T> type, Function<String, T> rule, String expected, boolean numbers, LogicalType logicalType) {
            super(type);
            this.rule = rule;
            this.expected = expected;
            this.numbers = numbers;
            this.logicalType = logicalType;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
            if (token != JsonToken.VALUE_STRING && !(numbers && number)) {
                throw new RefusedValue(p, expected, handledType());
            }
            // the text as written: converting a JSON number to BigDecimal first would already pay for its exponent
            String text = p.getText();
            if (!number && text.isBlank()) {
                return null;
            }
            try {
                return rule.apply(text);
            } catch (InputRules.Refused e) {
                throw new RefusedValue(p, e.getMessage(), handledType());
            }
        }

        @Override
        public LogicalType logicalType() {
            return logicalType;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
