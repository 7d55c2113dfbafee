package io.quotewire.speaker;

import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.util.Locale;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the speaker list. */
public class SpeakerFilter {

    @QueryParam("q")
    @Size(max = 200, message = "must be at most 200 characters")
    @Parameter(description = "Search names and aliases, tolerant of typos, case and accents, and matching word prefixes "
            + "for autocomplete; best match first", example = "ved")
    public String q;

    @QueryParam("name")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive prefix of the name", example = "ved")
    public String name;

    /** The search text as the database stores names for search (lower case, no accents), or null. */
    String query() {
        if (q == null || q.isBlank()) {
            return null;
        }
        String ascii = Normalizer.normalize(q.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
