package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every attribution's mention to an entity of the article (a person or an organisation), or
 * to none. It first reads the body into one table: the full names of people with how the narrative
 * describes them ("the judge, Helen Marsh"), organisations with their acronyms, and where each is
 * mentioned; places are kept out of it ({@link EntityKind}). Then, in document order:
 *
 * <ul>
 *   <li>Names: a surname, first or middle name ("Patel", "Dr Tesfaye", a surname misspelt by one
 *       letter) is completed from the full names the article uses anywhere; an acronym from the
 *       organisation it abbreviates; "his daughter Amina" gets the family name of the person just
 *       mentioned. A place named as speaker stands for the person in focus.</li>
 *   <li>Pronouns ("he said") refer to the person in focus (last speaker, or a speaker named again), else
 *       to the last person named; never to a place, organisation or someone's relation. A pronoun
 *       before any name refers to the first person named after it.</li>
 *   <li>Role nouns ("the deputy spokesperson", "says climate scientist") refer to the entity whose
 *       description shares the head noun; else "the judge" refers to the person in focus and "the
 *       company" to the organisation last named. "a spokesperson" introduces someone new, so it stays
 *       unknown, as does "the spokesperson" after it. A headline role that matches no description
 *       ("Minister Says …") refers to the first named speaker of the body, as headlines summarise the lead.</li>
 * </ul>
 * Nothing is guessed beyond these: an unresolved mention leaves the speaker null. Work per mention is
 * bounded, so the whole is linear in the text length.
 */
final class SpeakerResolver {

    private static final Set<String> KIN = Set.of("daughter", "son", "wife", "husband", "brother", "sister",
            "father", "mother", "widow", "widower", "grandson", "granddaughter", "nephew", "niece");

    /** Role nouns are matched against the first this many entities: far more than any news article names. */
    private static final int MAX_DESCRIBED_ENTITIES = 200;

    private static final int MAX_NAME_WORDS = 8;
    /** "the 33-year-old": an age that stands for a person. */
    private static final java.util.regex.Pattern AGE_NOUN = java.util.regex.Pattern.compile("\\d{1,3}-year-old");
    /** How many person mentions back a pronoun looks for someone of its gender: a few paragraphs of news. */
    private static final int MAX_PRONOUN_LOOKBACK = 20;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final Map<String, String> fullNameByFamilyName = new HashMap<>();
    private final Map<String, String> fullNameByGivenName = new HashMap<>();
    private final Map<String, String> kinNames = new HashMap<>();
    private final Map<String, String> fullNameByMiddleName = new HashMap<>();
    private final Map<String, Set<String>> familyNamesByDeletion = new HashMap<>();
    private final Map<String, String> organisationByAcronym = new HashMap<>();
    private final Map<String, List<String>> narrativeDescriptions = new LinkedHashMap<>();
    /** Single capitalised words the body uses inside a sentence: proper names, not sentence-initial common nouns. */
    private final Set<String> midSentenceNames = new java.util.HashSet<>();
    private final Map<String, SpeakerEntity> entities = new LinkedHashMap<>();
    private final List<NamedMention> personMentions = new ArrayList<>();
    private final List<NamedMention> organisationMentions = new ArrayList<>();
    /** Head nouns of unnamed speakers introduced so far ("a spokesperson"): "the spokesperson" is then that one. */
    private final Set<String> unnamedRoleHeads = new java.util.HashSet<>();
    private final GenderEvidence gender = new GenderEvidence();
    /** Indexes of the paragraphs that open with a quotation. */
    private final Set<Integer> quoteLedParagraphs = new java.util.HashSet<>();

    /** Resolves the attributions in place. Sentences are the whole article's, in order. */
    void resolve(List<Sentence> sentences, List<Attribution> attributions) {
        collectFullNames(sentences);
        collectQuoteLedParagraphs(sentences);
        List<Attribution> ordered = new ArrayList<>(attributions);
        ordered.sort(Comparator.comparingInt(Attribution::position));
        Map<String, SpeakerEntity> byMentionWord = registerNamedSpeakers(ordered);
        narrativeDescriptions.forEach((fullName, descriptions) -> {
            SpeakerEntity entity = entities.computeIfAbsent(fullName.toLowerCase(), key -> new SpeakerEntity(fullName));
            descriptions.forEach(entity::addDescription);
            descriptions.forEach(description -> gender.describe(fullName, description));
        });
        gender.read(sentences, word -> {
            String full = findFullName(word);
            return full != null ? full : kinNames.get(word);
        });
        List<FocusEvent> focusEvents = narrativeMentions(sentences, byMentionWord);

        SpeakerEntity focus = null;
        int focusPosition = -1;
        String lastPerson = null;
        int lastPersonPosition = -1;
        String lastOrganisation = null;
        int nextPerson = 0;
        int nextOrganisation = 0;
        int nextEvent = 0;
        List<Attribution> pendingHeadlineRoles = new ArrayList<>();
        SpeakerEntity firstBodySpeaker = null;
        for (Attribution attribution : ordered) {
            while (nextEvent < focusEvents.size() && focusEvents.get(nextEvent).position() < attribution.position()) {
                FocusEvent event = focusEvents.get(nextEvent++);
                focus = event.entity();
                focusPosition = event.position();
            }
            while (nextPerson < personMentions.size() && personMentions.get(nextPerson).position() < attribution.position()) {
                NamedMention person = personMentions.get(nextPerson++);
                lastPerson = person.fullName();
                lastPersonPosition = person.position();
            }
            while (nextOrganisation < organisationMentions.size()
                    && organisationMentions.get(nextOrganisation).position() < attribution.position()) {
                lastOrganisation = organisationMentions.get(nextOrganisation++).fullName();
            }
            Mention mention = effectiveMention(attribution.mention());
            SpeakerEntity salientPerson = focus != null ? focus : personNamed(lastPerson);
            SpeakerEntity speaker = switch (mention.kind()) {
                case PRONOUN -> mention.text().equalsIgnoreCase("they") ? null
                        : pronounReferent(mention, paragraphSubject(attribution, nextPerson, focusPosition), salientPerson, nextPerson);
                case NAME -> namedSpeaker(mention, salientPerson);
                // a headline speaks of the whole article: its "authority says" may be named only below it
                case ROLE -> mention.indefinite() ? null : roleReferent(mention.role(), salientPerson, lastOrganisation,
                        attribution.paragraph().headline() ? organisationMentions.size() : nextOrganisation);
            };
            if (speaker != null && mention.kind() != Mention.Kind.NAME) {
                speaker.addMention(mention.text());
            }
            attribution.resolveTo(speaker);
            if (mention.kind() == Mention.Kind.ROLE && speaker == null && mention.role() != null) {
                String[] roleWords = WHITESPACE.split(mention.role().strip());
                unnamedRoleHeads.add(roleWords[roleWords.length - 1].toLowerCase());
            }
            if (mention.kind() == Mention.Kind.ROLE && speaker == null && !mention.indefinite()
                    && attribution.paragraph().headline()) {
                pendingHeadlineRoles.add(attribution);
            }
            if (firstBodySpeaker == null && speaker != null && !attribution.paragraph().headline()
                    && mention.kind() == Mention.Kind.NAME) {
                firstBodySpeaker = speaker;
            }
            if (attribution.setsFocus() && (speaker == null || speaker.canBePersonalPronounAntecedent())) {
                focus = speaker;
                focusPosition = attribution.position();
            }
        }
        for (Attribution attribution : ordered) {
            if (attribution.speaker() == null && attribution.mention().kind() == Mention.Kind.PRONOUN
                    && !attribution.mention().text().equalsIgnoreCase("they") && noPersonBefore(attribution.position())) {
                attribution.resolveTo(firstPersonAfter(attribution.position()));
            }
        }
        for (Attribution attribution : pendingHeadlineRoles) {
            attribution.resolveTo(firstBodySpeaker);
        }
    }

    private void collectQuoteLedParagraphs(List<Sentence> sentences) {
        int lastParagraph = -1;
        for (Sentence sentence : sentences) {
            int paragraph = sentence.paragraph().index();
            if (paragraph != lastParagraph && !sentence.tokens().isEmpty() && sentence.tokens().get(0).isQuote()) {
                quoteLedParagraphs.add(paragraph);
            }
            lastParagraph = paragraph;
        }
    }

    /**
     * "he" or "she": the salient person, unless the text says that person is the other one ("Ms Lee"
     * for "he"); then the last person named before whom the text does not say so of.
     *
     * @param namedBefore how many of the body's person mentions come before the attribution
     */
    private SpeakerEntity pronounReferent(Mention mention, SpeakerEntity paragraphSubject, SpeakerEntity salientPerson,
                                          int namedBefore) {
        GenderEvidence.Pronoun wanted = GenderEvidence.pronoun(mention.text());
        GenderEvidence.Pronoun subjectGender = paragraphSubject == null ? null : gender.of(paragraphSubject);
        if (paragraphSubject != null && (wanted == null || subjectGender == null || subjectGender == wanted)) {
            return paragraphSubject;
        }
        if (salientPerson == null || wanted == null) {
            return salientPerson;
        }
        GenderEvidence.Pronoun known = gender.of(salientPerson);
        if (known == null || known == wanted) {
            return salientPerson;
        }
        for (int k = namedBefore - 1; k >= 0 && k >= namedBefore - MAX_PRONOUN_LOOKBACK; k--) {
            SpeakerEntity candidate = personNamed(personMentions.get(k).fullName());
            GenderEvidence.Pronoun candidateGender = gender.of(candidate);
            if (candidate.canBePersonalPronounAntecedent() && (candidateGender == null || candidateGender == wanted)) {
                return candidate;
            }
        }
        return salientPerson;
    }

    /**
     * The person a sentence of the attribution's own paragraph opened with, named after the focus was set:
     * "Board President Ola Berg defended the vote. "…," he said." speaks of Berg, whoever spoke before. A
     * paragraph that opens with the quote looks at the paragraph before: "Ana Reid, 29, had brought her
     * daughters. / "I was scared," she said."
     */
    private SpeakerEntity paragraphSubject(Attribution attribution, int namedBefore, int focusPosition) {
        int own = attribution.paragraph().index();
        int earliest = quoteLedParagraphs.contains(own) ? own - 1 : own;
        for (int k = namedBefore - 1; k >= 0 && k >= namedBefore - MAX_PRONOUN_LOOKBACK; k--) {
            NamedMention person = personMentions.get(k);
            if (person.position() <= focusPosition || person.paragraph().index() < earliest) {
                return null;
            }
            if (person.opensSentence()) {
                SpeakerEntity entity = personNamed(person.fullName());
                return entity.canBePersonalPronounAntecedent() ? entity : null;
            }
        }
        return null;
    }

    /**
     * A named speaker. A place is not a speaker ("Pakistan" in a briefing by its spokesperson): the
     * words are those of the person the text is about.
     */
    private SpeakerEntity namedSpeaker(Mention mention, SpeakerEntity salientPerson) {
        SpeakerEntity entity = entities.get(canonicalName(mention).toLowerCase());
        if (entity != null && entity.kind() == EntityKind.PLACE) {
            return salientPerson;
        }
        return entity;
    }

    /**
     * A definite role noun ("the judge", "the former skipper", "the UN body"): the named speaker whose
     * description shares its head noun; else, as a reader would, the most salient person (or, for an
     * organisation noun, the last organisation) named before.
     */
    private SpeakerEntity roleReferent(String roleNounPhrase, SpeakerEntity salientPerson, String lastOrganisation,
                                       int organisationsBefore) {
        if (roleNounPhrase == null) {
            return null;
        }
        String[] words = WHITESPACE.split(roleNounPhrase.strip());
        String head = words[words.length - 1].toLowerCase();
        // "the authority", or "authority says" in a headline: the organisation of that name, not its chair
        String headed = WordClasses.isOrganisationNoun(head) || WordClasses.isGenericOrganisationNoun(head)
                ? organisationWithHead(head, organisationsBefore) : null;
        if (headed != null && (words.length == 1 || isArticleOrDemonstrative(words[0]))) {
            return entities.computeIfAbsent(headed.toLowerCase(), key -> new SpeakerEntity(headed));
        }
        SpeakerEntity described = bestDescriptionMatch(roleNounPhrase);
        if (described != null) {
            return described;
        }
        if (WordClasses.isGenericOrganisationNoun(head)) {
            return lastOrganisation == null ? null
                    : entities.computeIfAbsent(lastOrganisation.toLowerCase(), key -> new SpeakerEntity(lastOrganisation));
        }
        if (isPersonNoun(head) && words.length > 1 && isArticleOrDemonstrative(words[0])
                && !unnamedRoleHeads.contains(head)) {
            return salientPerson;
        }
        return null;
    }

    /**
     * "the university" after "Gulf Coast State University" and then "the Hollis Institute": the last
     * organisation named before whose name ends in the noun, or null.
     */
    private String organisationWithHead(String head, int organisationsBefore) {
        for (int k = organisationsBefore - 1; k >= 0 && k >= organisationsBefore - MAX_DESCRIBED_ENTITIES; k--) {
            String name = organisationMentions.get(k).fullName();
            // a single word is the noun itself, capitalised ("Authority chair Ana Reid"), and names nothing
            if (name.indexOf(' ') > 0 && name.substring(name.lastIndexOf(' ') + 1).equalsIgnoreCase(head)) {
                return name;
            }
        }
        return null;
    }

    /**
     * "the judge" refers back; "his rep" and a bare "Police spokesperson" introduce someone else,
     * who is not named.
     */
    private static boolean isArticleOrDemonstrative(String word) {
        return switch (word.toLowerCase()) {
            case "the", "this", "that" -> true;
            default -> false;
        };
    }

    /** A role noun that names a person: a title ("judge", "minister") or an agent noun ("skipper", "scientist"). */
    private static boolean isPersonNoun(String lowerWord) {
        return WordClasses.isTitle(lowerWord) || lowerWord.endsWith("ist") || lowerWord.endsWith("person")
                || lowerWord.endsWith("man") || lowerWord.endsWith("woman") || AGE_NOUN.matcher(lowerWord).matches()
                || WordClasses.isDemonym(lowerWord) // "the Italian said"
                || lowerWord.contains("-of-"); // "the mum-of-two"
    }

    private boolean noPersonBefore(int position) {
        return personMentions.isEmpty() || personMentions.get(0).position() > position;
    }

    /** A lead that opens with "she said" before naming anyone (a standfirst) speaks of the first person named after. */
    private SpeakerEntity firstPersonAfter(int position) {
        for (NamedMention person : personMentions) {
            if (person.position() > position) {
                return personNamed(person.fullName());
            }
        }
        return null;
    }

    /** Before any speaker is named, "he said" refers to the person the narrative last named. */
    private SpeakerEntity personNamed(String fullName) {
        return fullName == null ? null : entities.computeIfAbsent(fullName.toLowerCase(), key -> new SpeakerEntity(fullName));
    }

    /** A lone capitalised word that is no known name ("Police said") is a description, not a name. */
    private Mention effectiveMention(Mention mention) {
        if (mention.kind() == Mention.Kind.NAME && mention.uncertainName() && !isKnownName(mention.name())) {
            return mention.asRole();
        }
        return mention;
    }

    private Map<String, SpeakerEntity> registerNamedSpeakers(List<Attribution> ordered) {
        Map<String, SpeakerEntity> byMentionWord = new HashMap<>();
        for (Attribution attribution : ordered) {
            Mention mention = effectiveMention(attribution.mention());
            if (mention.kind() != Mention.Kind.NAME) {
                continue;
            }
            String canonical = canonicalName(mention);
            SpeakerEntity entity = entities.computeIfAbsent(canonical.toLowerCase(), key -> new SpeakerEntity(canonical));
            entity.addMention(mention.text());
            entity.addDescription(mention.role());
            gender.describe(canonical, mention.role());
            String[] words = canonical.split(" ");
            byMentionWord.putIfAbsent(words[words.length - 1], entity);
            byMentionWord.putIfAbsent(mention.name(), entity);
        }
        return byMentionWord;
    }

    private boolean isKnownName(String name) {
        return findFullNameOfSpeaker(name) != null || kinNames.containsKey(name) || organisationByAcronym.containsKey(name)
                || midSentenceNames.contains(name);
    }

    private String canonicalName(Mention mention) {
        String name = mention.name();
        if (name.indexOf(' ') < 0) {
            String full = findFullNameOfSpeaker(name);
            if (full != null) {
                return full;
            }
            String kin = kinNames.get(name);
            if (kin != null) {
                return kin;
            }
            String organisation = organisationByAcronym.get(name);
            if (organisation != null) {
                return organisation;
            }
        }
        return name;
    }

    /** The first full name in the article whose family name (or else given name) is {@code word}. */
    private String findFullName(String word) {
        String full = fullNameByFamilyName.get(word);
        if (full == null) {
            full = fullNameByGivenName.get(word);
        }
        if (full == null) {
            full = fullNameByMiddleName.get(word);
        }
        return full;
    }

    /** A speaker's name as an attribution writes it: also a family name misspelt by one letter. */
    private String findFullNameOfSpeaker(String word) {
        String full = findFullName(word);
        return full != null || word.length() < 5 ? full : misspeltFamilyName(word);
    }

    /**
     * A family name written one letter short or long, or with one letter changed ("Pimlot"), when only
     * one fits. Looked up in an index of the names with each letter deleted, so the cost does not grow
     * with the number of names in the article.
     */
    private String misspeltFamilyName(String word) {
        if (familyNamesByDeletion.isEmpty()) {
            fullNameByFamilyName.keySet().forEach(this::indexFamilyName);
        }
        Set<String> found = new java.util.HashSet<>();
        for (String key : withOneLetterDeleted(word)) {
            found.addAll(familyNamesByDeletion.getOrDefault(key, Set.of()));
        }
        found.addAll(familyNamesByDeletion.getOrDefault(word, Set.of()));
        found.removeIf(candidate -> !withinOneEdit(word, candidate));
        return found.size() == 1 ? fullNameByFamilyName.get(found.iterator().next()) : null;
    }

    private void indexFamilyName(String familyName) {
        if (familyName.length() < 5) {
            return;
        }
        familyNamesByDeletion.computeIfAbsent(familyName, key -> new java.util.HashSet<>()).add(familyName);
        for (String key : withOneLetterDeleted(familyName)) {
            familyNamesByDeletion.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(familyName);
        }
    }

    private static List<String> withOneLetterDeleted(String word) {
        List<String> keys = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }

    static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() > b.length()) {
                i++;
            } else if (b.length() > a.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return true;
    }

    private SpeakerEntity bestDescriptionMatch(String roleNounPhrase) {
        if (roleNounPhrase == null) {
            return null;
        }
        SpeakerEntity best = null;
        int bestScore = 0;
        int examined = 0;
        for (SpeakerEntity entity : entities.values()) {
            if (++examined > MAX_DESCRIBED_ENTITIES) {
                break; // bounded work per role noun, whatever the article's length
            }
            int score = entity.descriptionMatch(roleNounPhrase);
            if (score > bestScore) {
                best = entity;
                bestScore = score;
            }
        }
        return best;
    }

    /** Full names (two or more capitalised words) in the body narrative, and kin such as "his daughter Amina". */
    private void collectFullNames(List<Sentence> sentences) {
        String lastFamilyName = null;
        for (Sentence sentence : sentences) {
            if (sentence.paragraph().headline()) {
                continue;
            }
            List<Token> tokens = sentence.tokens();
            boolean personInSentence = false;
            Map<Integer, Integer> definitions = acronymDefinitions(tokens);
            int i = 0;
            while (i < tokens.size()) {
                Token token = tokens.get(i);
                Integer definitionEnd = definitions.get(i);
                if (definitionEnd != null) {
                    // "the Transport and Passenger Workers' Union (TPWU)": one organisation, whatever its words
                    String organisation = spanText(tokens, i, definitionEnd);
                    organisationByAcronym.put(tokens.get(definitionEnd + 1).text(), organisation);
                    organisationMentions.add(new NamedMention(token.start(), organisation, sentence.paragraph(), false));
                    i = definitionEnd + 3;
                    continue;
                }
                if (isKinPhrase(tokens, i) && lastFamilyName != null) {
                    String given = tokens.get(i + 2).text();
                    kinNames.putIfAbsent(given, given + " " + lastFamilyName);
                }
                if (!token.isCapitalized()) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < tokens.size() && (tokens.get(end).isCapitalized() || isAmpersandInName(tokens, end))) {
                    end++;
                    if (tokens.get(end - 1).isPossessive()) {
                        break;
                    }
                }
                List<Token> run = bareRun(tokens.subList(i, end));
                if (run.size() == 1 && i > 0 && tokens.get(i - 1).isWord() && !WordClasses.isDescriptiveWord(run.get(0).text())) {
                    midSentenceNames.add(run.get(0).text());
                }
                int nameStart = joinedByAmpersand(run) ? 0 : MentionParser.nameStartInRun(run);
                int nameEnd = MentionParser.nameEndInRun(run, nameStart);
                if (i == 0 && nameStart == 0 && nameEnd >= 3
                        && EntityKind.of(MentionParser.text(run)) != EntityKind.ORGANISATION) {
                    nameStart++; // a capitalised sentence start may be a common noun ("Farmer Owen Pryce")
                }
                List<Token> name = run.subList(nameStart, nameEnd);
                if (name.size() > MAX_NAME_WORDS) {
                    i = end; // a run of capitalised words this long is a heading or a title of a work, not a name
                    continue;
                }
                EntityKind kind = name.isEmpty() ? EntityKind.UNKNOWN : EntityKind.of(MentionParser.text(name));
                if (kind == EntityKind.ORGANISATION) {
                    String organisation = organisationByAcronym.getOrDefault(MentionParser.text(name), MentionParser.text(name));
                    organisationMentions.add(new NamedMention(name.get(0).start(), organisation, sentence.paragraph(), false));
                    registerAcronym(name, organisation);
                    i = end;
                    continue;
                }
                boolean afterArticle = nameStart == 0 && i > 0 && tokens.get(i - 1).lower().equals("the");
                if (kind == EntityKind.PLACE || afterArticle) {
                    i = end; // "the Sierra Foothills": a person's name takes no article
                    continue;
                }
                if (name.size() >= 2) {
                    String full = MentionParser.text(name);
                    String description = narrativeDescription(tokens, i, end, run.subList(0, nameStart));
                    if (description != null) {
                        narrativeDescriptions.computeIfAbsent(full, key -> new ArrayList<>()).add(description);
                    }
                    for (int part = 1; part + 1 < name.size(); part++) {
                        fullNameByMiddleName.putIfAbsent(name.get(part).text(), full);
                    }
                    if (!tokens.get(end - 1).isPossessive() && !isRelationOfSomeoneElse(tokens, i)) {
                        personMentions.add(new NamedMention(name.get(0).start(), full, sentence.paragraph(),
                                !personInSentence && opensSentence(tokens, i)));
                        personInSentence = true;
                    }
                    fullNameByFamilyName.putIfAbsent(name.get(name.size() - 1).text(), full);
                    fullNameByGivenName.putIfAbsent(name.get(0).text(), full);
                    lastFamilyName = name.get(name.size() - 1).text();
                } else if (name.size() == 1) {
                    String full = findFullName(name.get(0).text());
                    if (full != null) {
                        lastFamilyName = full.substring(full.lastIndexOf(' ') + 1);
                        if (!tokens.get(end - 1).isPossessive()) {
                            personMentions.add(new NamedMention(name.get(0).start(), full, sentence.paragraph(),
                                !personInSentence && opensSentence(tokens, i)));
                            personInSentence = true;
                        }
                    }
                }
                i = end;
            }
        }
    }

    /**
     * Whether the run of capitalised words at {@code runStart} stands in its sentence's subject: nothing before
     * it but descriptions ("Board President Ola Berg", "The boy's mother, Ana Reid"), no preposition ("On the
     * plan for Tamil Nadu") and no quotation.
     */
    private static boolean opensSentence(List<Token> tokens, int runStart) {
        for (int k = 0; k < runStart; k++) {
            Token token = tokens.get(k);
            if (token.isQuote() || token.isWord() && WordClasses.isPreposition(token.lower())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Names defined by the acronym after them in brackets, "Transport and Passenger Workers' Union (TPWU)":
     * for each, the index of its first word and of the "(" after its last. The initials of its capitalised
     * words spell the acronym; "and", "of", "for", "the" and "&" may stand between them.
     */
    private static Map<Integer, Integer> acronymDefinitions(List<Token> tokens) {
        Map<Integer, Integer> definitions = new HashMap<>();
        for (int open = 1; open + 2 < tokens.size(); open++) {
            Token acronym = tokens.get(open + 1);
            if (!tokens.get(open).is("(") || !tokens.get(open + 2).is(")") || !acronym.isAllCaps()
                    || acronym.text().length() > 8) {
                continue;
            }
            String letters = acronym.text();
            int matched = letters.length();
            int first = -1;
            for (int k = open - 1; k >= 0 && matched > 0 && open - k <= 2 * letters.length() + 2; k--) {
                Token word = tokens.get(k);
                if (word.isCapitalized() && !word.lower().equals("the")) {
                    if (Character.toUpperCase(word.text().charAt(0)) != letters.charAt(matched - 1)) {
                        break;
                    }
                    matched--;
                    first = k;
                } else if (!isNameConnector(word)) {
                    break;
                }
            }
            if (matched == 0 && first >= 0 && open - first > 1) {
                definitions.put(first, open);
            }
        }
        return definitions;
    }

    private static boolean joinedByAmpersand(List<Token> run) {
        for (Token token : run) {
            if (token.is("&")) {
                return true;
            }
        }
        return false;
    }

    /** "Hearth & Home": an ampersand between capitalised words joins one name. */
    private static boolean isAmpersandInName(List<Token> tokens, int k) {
        return tokens.get(k).is("&") && k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).isCapitalized()
                && !tokens.get(k - 1).isPossessive() && tokens.get(k + 1).isCapitalized();
    }

    private static boolean isNameConnector(Token token) {
        return token.is("and") || token.is("of") || token.is("for") || token.is("&") || token.is("'") || token.is("’");
    }

    /** The words of tokens [from, to) as written, with the text's own spacing between them. */
    private static String spanText(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder(tokens.get(from).text());
        for (int k = from + 1; k < to; k++) {
            if (tokens.get(k).start() > tokens.get(k - 1).end()) {
                text.append(' ');
            }
            text.append(tokens.get(k).text());
        }
        return text.toString();
    }

    /** "World Health Organization" makes "WHO" its short form. */
    private void registerAcronym(List<Token> name, String organisation) {
        StringBuilder initials = new StringBuilder();
        for (Token word : name) {
            if (word.isCapitalized() && !WordClasses.isFunctionWord(word.lower()) && !word.lower().equals("the")) {
                initials.append(word.text().charAt(0));
            }
        }
        if (initials.length() >= 2) {
            organisationByAcronym.putIfAbsent(initials.toString(), organisation);
        }
    }

    /**
     * How the narrative describes a person it names: titles in the run ("Judge"), a title word just
     * before it ("coach"), or an apposition ("the judge, Ana Berg" / "Ana Berg, the judge,").
     */
    private static String narrativeDescription(List<Token> tokens, int runStart, int runEnd, List<Token> titles) {
        List<String> parts = new ArrayList<>();
        if (!titles.isEmpty()) {
            parts.add(MentionParser.text(titles));
        }
        if (runStart > 0 && WordClasses.isTitle(tokens.get(runStart - 1).lower())) {
            parts.add(tokens.get(runStart - 1).lower());
        }
        if (runStart > 1 && tokens.get(runStart - 1).is(",")) {
            int k = runStart - 2;
            while (k >= 0 && runStart - k < 7 && tokens.get(k).isWord() && !isArticle(tokens.get(k))) {
                k--;
            }
            if (k >= 0 && isArticle(tokens.get(k))) {
                parts.add(MentionParser.text(tokens.subList(k, runStart - 1)));
            }
        }
        if (runEnd + 1 < tokens.size() && tokens.get(runEnd).is(",") && isArticle(tokens.get(runEnd + 1))) {
            int k = runEnd + 2;
            while (k < tokens.size() && k - runEnd < 8 && tokens.get(k).isWord()) {
                k++;
            }
            parts.add(MentionParser.text(tokens.subList(runEnd + 1, k)));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * "his girlfriend Ana Berg", "her lawyer Ola Dahl": named as someone's relation, inside a phrase
     * about that someone, who stays the one "he" or "she" refers to.
     */
    private static boolean isRelationOfSomeoneElse(List<Token> tokens, int runStart) {
        if (runStart < 2) {
            return false;
        }
        String owner = tokens.get(runStart - 2).lower();
        return (owner.equals("his") || owner.equals("her") || owner.equals("their"))
                && tokens.get(runStart - 1).isWord() && !tokens.get(runStart - 1).isCapitalized();
    }

    private static boolean isArticle(Token token) {
        return token.lower().equals("the") || token.lower().equals("a") || token.lower().equals("an");
    }

    private static boolean isKinPhrase(List<Token> tokens, int i) {
        if (i + 2 >= tokens.size()) {
            return false;
        }
        String owner = tokens.get(i).lower();
        return (owner.equals("his") || owner.equals("her")) && KIN.contains(tokens.get(i + 1).lower())
                && tokens.get(i + 2).isCapitalized()
                && (i + 3 >= tokens.size() || !tokens.get(i + 3).isCapitalized());
    }

    private static List<Token> bareRun(List<Token> run) {
        Token last = run.get(run.size() - 1);
        if (!last.isPossessive()) {
            return run;
        }
        List<Token> bare = new ArrayList<>(run.subList(0, run.size() - 1));
        bare.add(new Token(Token.Kind.WORD, last.bare(), last.start(), last.end() - 2, null));
        return bare;
    }

    /** Where the narrative (outside quotes) names a speaker; possessives ("Dar’s") do not shift the focus. */
    private static List<FocusEvent> narrativeMentions(List<Sentence> sentences, Map<String, SpeakerEntity> byMentionWord) {
        List<FocusEvent> events = new ArrayList<>();
        for (Sentence sentence : sentences) {
            for (Token token : sentence.tokens()) {
                if (token.isCapitalized() && !token.isPossessive()) {
                    SpeakerEntity entity = byMentionWord.get(token.text());
                    if (entity != null && entity.canBePersonalPronounAntecedent()) {
                        events.add(new FocusEvent(token.start(), entity));
                    }
                }
            }
        }
        return events;
    }

    private record FocusEvent(int position, SpeakerEntity entity) {
    }

    /**
     * Where the body names an entity, and its full name.
     *
     * @param opensSentence the first person its sentence names (not as someone's possessor): its subject, mostly
     */
    private record NamedMention(int position, String fullName, Paragraph paragraph, boolean opensSentence) {
    }
}
