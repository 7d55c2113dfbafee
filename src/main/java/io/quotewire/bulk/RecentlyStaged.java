package io.quotewire.bulk;

import java.util.Arrays;
import java.util.UUID;

/**
 * The ids of records (speakers, sources) a load staged lately, in a fixed table of {@value #SLOTS} slots (an id takes
 * the slot its hash names, pushing out whatever was there): memory stays flat whatever the file, and the ids are held
 * as numbers, so nothing here is left for the garbage collector (an LRU map of 200,000 UUIDs kept G1's concurrent
 * marking busy at 75 % of a core). The load keeps the first line of each record, or the first that gives a source its
 * text; a later line naming a record staged here adds nothing. A file of 10 million Quotebank quotes names 50,000
 * speakers: 10 million speaker rows to stage and sort without this, about 50,000 with it.
 */
final class RecentlyStaged {

    private static final int SLOTS = 1 << 18;
    private static final byte EMPTY = 0;
    private static final byte STAGED = 1;
    private static final byte STAGED_WITH_TEXT = 2;

    private final long[] most = new long[SLOTS];
    private final long[] least = new long[SLOTS];
    private final byte[] state = new byte[SLOTS];

    /**
     * Whether the row must be staged: its id was not staged lately (or only without the text this row brings). A row
     * of a line the load may refuse is staged and not remembered, since it may be deleted with its line.
     */
    boolean first(UUID id, boolean hasText, boolean refusable) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        int slot = Long.hashCode(high * 31 + low) & (SLOTS - 1);
        if (state[slot] != EMPTY && most[slot] == high && least[slot] == low && (state[slot] == STAGED_WITH_TEXT || !hasText)) {
            return false;
        }
        if (!refusable) {
            most[slot] = high;
            least[slot] = low;
            state[slot] = hasText ? STAGED_WITH_TEXT : STAGED;
        }
        return true;
    }

    /** Forgets every id: what was staged since the last commit was rolled back. */
    void clear() {
        Arrays.fill(state, EMPTY);
    }
}
