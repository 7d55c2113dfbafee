package io.quotewire.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A search and the filters that narrow it, as the index answers them. The speaker is an id (a slug is looked up
 * first); tags are slugs in groups that must all match, each group any of its slugs.
 */
public record SearchFilters(String query, UUID speakerId, UUID sourceId, List<List<String>> tagGroups, String type,
        String status, LocalDate from, LocalDate to, Integer minLength, Integer maxLength, String language) {
}
