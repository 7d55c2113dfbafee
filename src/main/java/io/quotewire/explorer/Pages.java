package io.quotewire.explorer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quotewire.quote.QuoteFacets;
import io.quotewire.speaker.SpeakerView;
import java.util.List;

/** The explorer's pages (templates/explorer/*.html), checked against these parameters when the service is built. */
@CheckedTemplate(basePath = "explorer")
final class Pages {

    private Pages() {
    }

    static native TemplateInstance home(QuoteCard today, SearchForm form);

    static native TemplateInstance search(SearchForm form, List<QuoteCard> results, String next, QuoteFacets facets);

    static native TemplateInstance quote(QuoteCard quote, String context, List<Appearance> appearances, String jsonLd);

    static native TemplateInstance speaker(SpeakerView speaker, List<QuoteCard> quotes, String next);

    static native TemplateInstance error(int status, String title, String detail);
}
