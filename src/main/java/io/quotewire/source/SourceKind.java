package io.quotewire.source;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quotewire.persistence.WireEnum;
import io.quotewire.persistence.WireEnumConverter;
import jakarta.persistence.Converter;

/** What kind of publication a source is. */
public enum SourceKind implements WireEnum {
    ARTICLE("article"),
    BRIEFING("briefing"),
    SPEECH("speech"),
    INTERVIEW("interview"),
    STATEMENT("statement"),
    SOCIAL_POST("social-post"),
    BOOK("book"),
    OTHER("other");

    private final String wireValue;

    SourceKind(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends WireEnumConverter<SourceKind> {
        public JpaConverter() {
            super(SourceKind.class);
        }
    }
}
