package io.quotewire.quote;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotewire.persistence.WireEnum;
import io.quotewire.persistence.WireEnumConverter;
import jakarta.persistence.Converter;

/** Whether a quote is verbatim speech in quotation marks (direct) or reported speech (indirect). */
public enum QuoteType implements WireEnum {
    DIRECT("direct"),
    INDIRECT("indirect");

    private final String wireValue;

    QuoteType(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<QuoteType> {
        public JpaConverter() {
            super(QuoteType.class);
        }
    }
}
