package io.quotewire.persistence;

import io.quotewire.api.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose constants have the lower-case, kebab-case names that the API and the database use. */
public interface WireEnum {

    String wireValue();

    /**
     * Reads a wire value of {@code type}.
     *
     * @throws ProblemException a 400 naming {@code field} and the allowed values
     */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.wireValue().equals(value))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "must be one of: " + allowed(type)));
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wireValue).collect(Collectors.joining(", "));
    }
}
