package io.quotewire.bulk;

import io.quotewire.text.Slugs;
import java.util.List;
import java.util.UUID;

/** Speakers named by an imported line. */
final class Speakers {

    private Speakers() {
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
