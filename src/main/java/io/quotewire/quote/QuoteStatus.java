package io.quotewire.quote;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotewire.persistence.WireEnum;
import io.quotewire.persistence.WireEnumConverter;
import jakarta.persistence.Converter;

/** How far a quote's wording and attribution have been checked. */
public enum QuoteStatus implements WireEnum {
    UNVERIFIED("unverified"),
    VERIFIED("verified"),
    DISPUTED("disputed"),
    MISATTRIBUTED("misattributed");

    private final String wireValue;

    QuoteStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<QuoteStatus> {
        public JpaConverter() {
            super(QuoteStatus.class);
        }
    }
}
