package io.quotewire.extraction;

import java.util.List;

/**
 * A person or organisation the article quotes.
 *
 * @param name         canonical full name as the article gives it ("Vedant Patel", "Nordvik Ferries")
 * @param role         role or title the article gives, or null
 * @param organization organisation named in the role, or null
 * @param mentions     the other ways the article refers to the speaker (surname, "Mr Patel", ...), as written
 */
public record ExtractedSpeaker(String name, String role, String organization, List<String> mentions) {

    public ExtractedSpeaker {
        mentions = List.copyOf(mentions);
    }
}
