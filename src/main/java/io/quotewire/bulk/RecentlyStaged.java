package io.quotewire.bulk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the records (speakers, sources) a load staged lately, at most {@value #SIZE} (the least recently seen go
 * first: memory stays flat whatever the file). The load keeps the first line of each record, or the first that gives
 * a source its text; a later line naming a record staged here adds nothing. A file of 10 million Quotebank quotes
 * names 50,000 speakers: 10 million speaker rows to stage and sort without this, about 50,000 with it.
 */
final class RecentlyStaged {

    private static final int SIZE = 200_000;

    /** Per id: whether the staged row holds a text. */
    private final Map<UUID, Boolean> staged = new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > SIZE;
        }
    };

    /**
     * Whether the row must be staged: its id was not staged lately (or only without the text this row brings). A row
     * of a line the load may refuse is staged and not remembered, since it may be deleted with its line.
     */
    boolean first(UUID id, boolean hasText, boolean refusable) {
        Boolean stagedWithText = staged.get(id);
        if (stagedWithText != null && (stagedWithText || !hasText)) {
            return false;
        }
        if (!refusable) {
            staged.put(id, hasText);
        }
        return true;
    }
}
