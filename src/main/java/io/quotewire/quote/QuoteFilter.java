package io.quotewire.quote;

import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.persistence.WireEnum;
import io.quotewire.text.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every quote list, random pick and (later) facet count takes. */
public class QuoteFilter {

    private static final int MAX_TAGS = 10;
    private static final int MAX_LENGTH = 100_000;

    @QueryParam("q")
    @Size(max = 500, message = "must be at most 500 characters")
    @Parameter(description = "Full-text search in web-search syntax: words, \"quoted phrases\", or, -exclusion. "
            + "English stemming, accents ignored. Ranks results by relevance unless sort says otherwise.",
            example = "\"human rights\" pakistan -elections")
    public String q;

    @QueryParam("speaker")
    @Size(max = 100)
    @Parameter(description = "Speaker id or slug", example = "vedant-patel")
    public String speaker;

    @QueryParam("source")
    @Parameter(description = "Source id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String source;

    @QueryParam("tag")
    @Size(max = 500)
    @Parameter(description = "Tag slugs: comma means all of, pipe means any of (human-rights,pakistan|india)", example = "human-rights")
    public String tag;

    @QueryParam("type")
    @Parameter(description = "Quote type", schema = @Schema(type = SchemaType.STRING, enumeration = {"direct", "indirect"}))
    public String type;

    @QueryParam("status")
    @Parameter(description = "Verification status",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"unverified", "verified", "disputed", "misattributed"}))
    public String status;

    @QueryParam("from")
    @Parameter(description = "Quoted on or after this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Quoted on or before this date", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @QueryParam("minLength")
    @Parameter(description = "Shortest quote text, in characters",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000"))
    public String minLength;

    @QueryParam("maxLength")
    @Parameter(description = "Longest quote text, in characters",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000"))
    public String maxLength;

    @QueryParam("language")
    @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a BCP 47 language tag such as en")
    @Parameter(description = "Language of the quote", example = "en")
    public String language;

    /** The search text, or null when there is none to search for. */
    String query() {
        return q == null || q.isBlank() ? null : q.strip();
    }

    UUID sourceId() {
        return source == null ? null : QueryValues.uuid(source, "source");
    }

    QuoteType type() {
        return type == null ? null : WireEnum.parse(QuoteType.class, type, "type");
    }

    QuoteStatus status() {
        return status == null ? null : WireEnum.parse(QuoteStatus.class, status, "status");
    }

    LocalDate from() {
        return QueryValues.date(from, "from");
    }

    LocalDate to() {
        LocalDate to = QueryValues.date(this.to, "to");
        QueryValues.requireOrdered(from(), to);
        return to;
    }

    Integer minLength() {
        return QueryValues.integer(minLength, "minLength", 0, MAX_LENGTH);
    }

    Integer maxLength() {
        Integer max = QueryValues.integer(maxLength, "maxLength", 0, MAX_LENGTH);
        Integer min = minLength();
        if (min != null && max != null && max < min) {
            throw ProblemException.invalid("maxLength", "must not be less than minLength");
        }
        return max;
    }

    /** The tag expression as groups that must all match, each group a list of alternatives. */
    List<List<String>> tagGroups() {
        if (tag == null || tag.isEmpty()) {
            return List.of();
        }
        List<List<String>> groups = Arrays.stream(tag.split(",", -1))
                .map(group -> Arrays.stream(group.split("\\|", -1)).map(String::strip).toList())
                .toList();
        if (groups.stream().mapToInt(List::size).sum() > MAX_TAGS) {
            throw ProblemException.invalid("tag", "names more than " + MAX_TAGS + " tags");
        }
        for (List<String> group : groups) {
            for (String slug : group) {
                if (!Slugs.isSlug(slug)) {
                    throw ProblemException.invalid("tag", "'" + (slug.length() > 40 ? slug.substring(0, 40) + "…" : slug)
                            + "' is not a tag slug; separate slugs with , (all of) or | (any of)");
                }
            }
        }
        return groups;
    }
}
