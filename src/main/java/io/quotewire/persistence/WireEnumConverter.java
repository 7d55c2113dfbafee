package io.quotewire.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;

/** Stores a {@link WireEnum} as its wire value, so the database holds the same words as the API. */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireValue();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.wireValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + value));
    }
}
