package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a name names, from its form and the word lists (failure classes 2, 3 and 8 of issue 10). */
class EntityKindTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ola Berg                     | PERSON
            Bill English                 | PERSON
            Tesfaye Gebremariam Alemu    | PERSON
            Harbour Town Police          | ORGANISATION
            Lakeside Teachers Union      | ORGANISATION
            Fjord & Sons                 | ORGANISATION
            NRMA                         | ORGANISATION
            BBC Persian                  | ORGANISATION
            PEOPLE                       | ORGANISATION
            Norway                       | PLACE
            New Zealand                  | PLACE
            Croatian                     | PLACE
            Qantara                      | UNKNOWN
            """)
    void classifiesAName(String name, EntityKind kind) {
        assertEquals(kind, EntityKind.of(name));
    }
}
