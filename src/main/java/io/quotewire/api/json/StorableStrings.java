package io.quotewire.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string read from a JSON body must be text PostgreSQL can store and a reader can see: no NUL character (JSON
 * can carry it as {@code \u0000}), no unpaired UTF-16 surrogate (JSON can carry {@code \ud800} alone, and UTF-8
 * cannot encode it), and no other control character than tab, line feed, carriage return and form feed, the ones
 * text holds (the same rule as for an ingested article's text). Refusing them while reading makes them a 400 naming
 * the field instead of a database error, or invisible characters in a name that a terminal or log would interpret.
 */
@Singleton
public class StorableStrings implements ObjectMapperCustomizer {

    public static final String MESSAGE = "contains a control character or an unpaired surrogate, which text cannot hold";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Whether {@code text} can be stored: no control character but tab and line breaks, every surrogate paired. */
    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && !isStorable(value)) {
                throw context.weirdStringException(value, String.class, MESSAGE);
            }
            return value;
        }
    }
}
