package io.quotewire.extraction;

import java.util.LinkedHashSet;
import java.util.Set;

/** A named speaker being assembled while an article is read: its name, role and the ways it is mentioned. */
final class SpeakerEntity {

    private final String name;
    private final EntityKind kind;
    private String role;
    private final Set<String> mentions = new LinkedHashSet<>();
    private final Set<String> descriptionWords = new LinkedHashSet<>();
    private final Set<String> descriptions = new java.util.HashSet<>();

    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    SpeakerEntity(String name) {
        this.name = name;
        this.kind = EntityKind.of(name);
    }

    String name() {
        return name;
    }

    EntityKind kind() {
        return kind;
    }

    /** Whether "he" or "she" can refer to it: a person, or a single name not known to be anything else. */
    boolean canBePersonalPronounAntecedent() {
        return kind == EntityKind.PERSON || kind == EntityKind.UNKNOWN;
    }

    void addMention(String written) {
        if (written != null && !written.equalsIgnoreCase(name)) {
            mentions.add(written);
        }
    }

    /** Remembers a description ("the deputy spokesperson for the State Department") for later role nouns. */
    void addDescription(String description) {
        if (description == null || description.isBlank() || !descriptions.add(description)) {
            return;
        }
        if (role == null) {
            role = description;
        }
        for (String word : NON_WORD.split(description.toLowerCase())) {
            if (!word.isEmpty() && !WordClasses.isFunctionWord(word) && !WordClasses.isDefiniteDeterminer(word)
                    && !WordClasses.isIndefiniteDeterminer(word)) {
                descriptionWords.add(WordClasses.expandTitle(word));
            }
        }
    }

    /** How many of the words of a role noun phrase this speaker's descriptions share; 0 unless the head noun matches. */
    int descriptionMatch(String roleNounPhrase) {
        String[] words = NON_WORD.split(roleNounPhrase.toLowerCase());
        if (words.length == 0 || !descriptionWords.contains(WordClasses.expandTitle(words[words.length - 1]))) {
            return 0;
        }
        int shared = 0;
        for (String word : words) {
            if (descriptionWords.contains(WordClasses.expandTitle(word))) {
                shared++;
            }
        }
        return shared;
    }

    ExtractedSpeaker toSpeaker() {
        return new ExtractedSpeaker(name, role, organizationIn(role), java.util.List.copyOf(mentions));
    }

    /** The organisation a role names: "Nordvik’s director …" → Nordvik; "spokesperson for the US State Department" → US State Department. */
    private static String organizationIn(String role) {
        if (role == null) {
            return null;
        }
        String[] words = role.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i].replaceAll("[,;]$", "");
            if ((word.endsWith("’s") || word.endsWith("'s")) && Character.isUpperCase(word.charAt(0))) {
                return word.substring(0, word.length() - 2);
            }
            if ((word.equals("for") || word.equals("at") || word.equals("of")) && i + 1 < words.length) {
                StringBuilder organization = new StringBuilder();
                for (int k = i + 1; k < words.length; k++) {
                    String next = words[k].replaceAll("[,;]$", "");
                    if (organization.isEmpty() && next.equalsIgnoreCase("the")) {
                        continue;
                    }
                    if (next.isEmpty() || !(Character.isUpperCase(next.charAt(0)) || next.equals("of") || next.equals("and"))) {
                        break;
                    }
                    if (!organization.isEmpty()) {
                        organization.append(' ');
                    }
                    organization.append(next);
                    if (!words[k].equals(next)) {
                        break;
                    }
                }
                if (!organization.isEmpty()) {
                    return organization.toString();
                }
            }
        }
        return null;
    }
}
