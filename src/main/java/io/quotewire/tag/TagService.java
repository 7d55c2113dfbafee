package io.quotewire.tag;

import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.text.NormalizedText;
import io.quotewire.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TagService {

    private final TagRepository tags;

    public TagService(TagRepository tags) {
        this.tags = tags;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeysetPager.Slice<TagView> listTags(String sort, PageRequest page) {
        return tags.listTags(SortOrder.parse(sort, TagRepository.SORTABLE, "-quoteCount"), page).map(TagView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TagView> findTagBySlug(String slug) {
        return tags.findBySlug(slug).map(TagView::of);
    }

    /**
     * The tags named by {@code labels}, each a slug or a display name ("Human rights" or {@code human-rights}),
     * creating those that do not exist yet.
     */
    public Set<Tag> findOrCreateTags(List<String> labels, String field) {
        Set<Tag> found = new LinkedHashSet<>();
        for (String label : NormalizedText.nfcAll(labels)) {
            String slug = Slugs.of(label);
            if (slug.isEmpty()) {
                throw ProblemException.invalid(field, "'" + label + "' has no letters or digits to name a tag by");
            }
            found.add(tags.findBySlug(slug).orElseGet(() -> {
                Tag tag = new Tag();
                tag.slug = slug;
                tag.name = Slugs.isSlug(label) ? displayName(slug) : label;
                tags.persist(tag);
                return tag;
            }));
        }
        return found;
    }

    private static String displayName(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
