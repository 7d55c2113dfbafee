package io.quotewire.bulk;

import java.time.Instant;
import java.util.List;

/** Sources named by an imported line. */
final class Sources {

    private Sources() {
    }

    /** An article known by its URL; its title is the URL when the format gives none. */
    static Rows.SourceRow byUrl(String url, String title, Instant publishedAt, String language) {
        String shownTitle = title != null ? title : url.length() > JsonFields.MAX_TITLE ? url.substring(0, JsonFields.MAX_TITLE) : url;
        return new Rows.SourceRow(Ids.source(url), "article", shownTitle, url, JsonFields.host(url), List.of(), publishedAt, language, null,
                0, null, null, false);
    }
}
