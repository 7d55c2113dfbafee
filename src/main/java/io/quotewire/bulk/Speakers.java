package io.quotewire.bulk;

import io.quotewire.text.Slugs;
import java.util.List;
import java.util.UUID;

/** Speakers named by an imported line. */
final class Speakers {

    private Speakers() {
    }

    /**
     * The speaker a line names: the key its quotes' ids are derived from, its id and its row; {@link #NONE} when the
     * line names no speaker.
     */
    record Named(String key, UUID id, Rows.SpeakerRow row) {

        static final Named NONE = new Named(null, null, null);
    }

    /** The speaker of this name (and Wikidata id, when known), or {@link Named#NONE} for a null name. */
    static Named named(String name, String wikidataId) {
        if (name == null) {
            return Named.NONE;
        }
        String key = Ids.speakerKey(name, wikidataId);
        UUID id = Ids.speaker(key);
        return new Named(key, id, imported(id, name, wikidataId));
    }

    /**
     * A speaker known by name (and perhaps a Wikidata id). Its slug is that of its name; the merge gives it a
     * suffix when another speaker holds that slug.
     */
    static Rows.SpeakerRow imported(UUID id, String name, String wikidataId) {
        String slug = Slugs.of(name);
        if (slug.isEmpty()) {
            slug = "speaker";
        }
        return new Rows.SpeakerRow(id, slug, name, List.of(), null, null, null, wikidataId, 0, null, null, false);
    }
}
