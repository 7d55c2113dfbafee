package io.quotewire.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Reads request bodies as strictly as the OpenAPI schemas describe them, so that a body the schema refuses is a 400
 * and never a silent guess or a database error:
 * <ul>
 * <li>a key named twice in one object is malformed JSON (otherwise the last one would silently win);</li>
 * <li>nesting deeper than any of our bodies needs, and numbers longer than any field takes, are refused while parsing,
 * before they cost stack or CPU;</li>
 * <li>no coercion between JSON types: a number or boolean is not a string, a string or fraction not a whole number,
 * a number not an enum;</li>
 * <li>times and dates are RFC 3339 strings (not epoch numbers) with four-digit years, which is also what PostgreSQL can store (a year such as
 * +999999999 parses in Java but fails in the database).</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Our bodies nest three levels at most; a merge patch of them no more. */
    static final int MAX_NESTING_DEPTH = 32;
    /** The longest int has 11 characters; a longer number cannot be a valid value of any field. */
    static final int MAX_NUMBER_LENGTH = 32;
    public static final String OUT_OF_RANGE = "must be an RFC 3339 date or time with a year from 0000 to 9999";
    private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Last, so that its date and time deserializers replace the ones of the java.time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(), true);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("rfc3339-years")
                .addDeserializer(Instant.class, new WithinYears<>(Instant.class, InstantDeserializer.INSTANT, StrictJson::hasFourDigitYear))
                .addDeserializer(LocalDate.class, new WithinYears<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        d -> d.getYear() >= 0 && d.getYear() <= 9999)));
    }

    /** {@code instant}, when its year has four digits as RFC 3339 (and PostgreSQL) requires. */
    public static Instant requireFourDigitYear(Instant instant) {
        if (!hasFourDigitYear(instant)) {
            throw new IllegalArgumentException("year out of range: " + instant);
        }
        return instant;
    }

    private static boolean hasFourDigitYear(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
    }

    /** A java.time value read by Jackson's own deserializer, refused when its year has more than four digits. */
    private static final class WithinYears<T> extends StdDeserializer<T> {
        private final JsonDeserializer<T> delegate;
        private final Predicate<T> inRange;

        WithinYears(Class<T> type, JsonDeserializer<T> delegate, Predicate<T> inRange) {
            super(type);
            this.delegate = delegate;
            this.inRange = inRange;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser); // no epoch numbers: RFC 3339 text only
            }
            T value = delegate.deserialize(parser, context);
            if (value != null && !inRange.test(value)) {
                throw context.weirdStringException(parser.getText(), handledType(), OUT_OF_RANGE);
            }
            return value;
        }
    }
}
