package io.quotewire.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Word lists and sentence patterns for synthetic quotes, speakers and sources: plain public-affairs English, made up
 * for the benchmark. The lists are also the source of the benchmark's search terms ({@link #searchTerms()}), so a
 * search always has something to find.
 */
final class Vocabulary {

    static final List<String> FIRST_NAMES = List.of(
            "Amara", "Bastian", "Carys", "Dalia", "Emeka", "Farah", "Gideon", "Hana", "Idris", "Jolene", "Kofi", "Lena",
            "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tamsin", "Ugo", "Vera", "Wendell", "Xenia",
            "Yusuf", "Zara", "Aurelio", "Beatriz", "Cormac", "Dmitri", "Elif", "Fintan", "Greta", "Hamid", "Ines",
            "Jasper", "Katya", "Lorcan", "Marisol", "Niamh", "Orla", "Pavel", "Rania", "Soren", "Thea", "Uma", "Vikram",
            "Wilma", "Yara", "Zeno", "Adaeze", "Bruno", "Celeste", "Desmond", "Esther", "Felix", "Gwen", "Hugo",
            "Ingrid", "Jonas", "Keziah", "Leif", "Mirela", "Nico", "Odette", "Pieter", "Renata", "Silas", "Tobias",
            "Ulla", "Valentin", "Wren", "Yannick", "Zofia", "Ansel", "Bianca", "Cyrus", "Delphine", "Ezra", "Flora",
            "Gustav", "Hester", "Ivo", "Juno", "Kasimir", "Liesel", "Magnus", "Noor", "Otis", "Petra", "Ravi", "Sunniva",
            "Teodor", "Verity", "Wolfgang", "Yvette", "Zubair", "Anouk", "Benedikt", "Chiara", "Dorian", "Elodie",
            "Florian", "Gaia", "Hakon", "Isolde", "Jerome", "Kalinda", "Lucian", "Maren", "Nestor", "Ophelia",
            "Quinn", "Rafferty", "Saskia", "Tariq", "Ursula", "Vivek", "Willa", "Xavier", "Yolanda", "Zoltan",
            "José", "Zoë", "Renée", "Björn", "Agnès", "Łukasz", "Søren", "Thérèse", "Çelik", "Anaïs");

    static final List<String> LAST_NAMES = List.of(
            "Abernathy", "Balogun", "Castellanos", "Drummond", "Ekwueme", "Fairbrother", "Galloway", "Halvorsen",
            "Iwasaki", "Jankowski", "Kowalczyk", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo", "Pemberton", "Quarshie",
            "Rutherford", "Szabo", "Thorvaldsen", "Underhill", "Vasquez", "Whitlock", "Yamamoto", "Zielinski",
            "Achterberg", "Blackwood", "Carrasco", "Delacroix", "Eriksen", "Fitzwilliam", "Gonzaga", "Hargreaves",
            "Ishikawa", "Jovanovic", "Kristiansen", "Lachance", "Marchetti", "Northcott", "Oyelaran", "Pellegrini",
            "Quigley", "Rasmussen", "Sandoval", "Tremblay", "Urquhart", "Valdivia", "Wainwright", "Yilmaz", "Zamora",
            "Ashworth", "Brannigan", "Cavendish", "Dunmore", "Esposito", "Falkenrath", "Grünewald", "Holloway",
            "Ibarra", "Jessup", "Kirkland", "Lombardi", "Mendoza", "Nyberg", "Ostrowski", "Prendergast", "Radcliffe",
            "Sørensen", "Tanaka", "Umberto", "Voss", "Whitfield", "Yardley", "Zimmerman", "Adeyemi", "Bellamy",
            "Chaudhry", "Dimitrov", "Engstrom", "Ferreira", "Gallagher", "Haddad", "Ivanova", "Jaramillo", "Kaminski",
            "Lindgren", "Moreau", "Nwosu", "Oduya", "Patel", "Quintero", "Rossetti", "Stavros", "Takahashi", "Ulloa",
            "Valencia", "Weatherby", "Xiong", "Yeboah", "Zapata", "Albright", "Bergström", "Coutinho", "Dalgaard",
            "Everett", "Fontaine", "Greenhalgh", "Huxley", "Ingram", "Juarez", "Kearney", "Lévesque", "McAllister",
            "Novak", "Ortega", "Pires", "Reinholt", "Sinclair", "Thornbury", "Vandermeer", "Winslow", "Yoshida",
            "Zeller", "Acheampong", "Birkeland", "Cunningham", "Dávila", "Eastwood", "Fernández", "Gutiérrez",
            "Hoffmann", "Iyer", "Jeffries", "Kuznetsov", "Larkin", "Mwangi", "Núñez", "Olafsson", "Papadakis",
            "Ramírez", "Schuster", "Tolliver", "Uchenna", "Vernier", "Wexford", "Yusupov", "Zhao", "Castellano",
            "Darrow", "Ellison", "Forsyth", "Gilchrist", "Hawthorne", "Ingleby", "Kingsley", "Ludlow", "Merriweather");

    static final List<String> ROLES = List.of(
            "Minister of Finance", "Minister of Health", "Housing Secretary", "Mayor", "Deputy Mayor", "Senator",
            "Governor", "Opposition Leader", "Party Chair", "Central Bank Governor", "Chief Economist", "Union Leader",
            "Police Commissioner", "Education Secretary", "Transport Minister", "Foreign Minister", "Spokesperson",
            "Chief Executive", "Council Member", "Trade Envoy", "Energy Minister", "Environment Secretary",
            "Attorney General", "Speaker of the Assembly", "Health Commissioner", "Campaign Director");

    static final List<String> ORGANIZATIONS = List.of(
            "Ministry of Finance", "City Council", "National Assembly", "Labour Federation", "Chamber of Commerce",
            "Central Bank", "Harbour Authority", "Civic Alliance", "Progressive Union", "Liberty Party", "Green Coalition",
            "Regional Health Board", "Teachers' Association", "Farmers' Council", "Transit Authority", "Energy Regulator",
            "Supreme Court", "Metropolitan Police", "Riverside University", "Northern Water Company");

    static final List<String> PUBLISHERS = List.of(
            "The Daily Ledger", "Capital Courier", "Northern Herald", "Evening Dispatch", "The Civic Record",
            "Harbour Gazette", "Metro Observer", "The Weekly Chronicle", "Coastal Tribune", "Valley Post",
            "National Wire Service", "The Morning Standard", "Parliament Review", "Public Radio Desk", "City Bulletin");

    static final List<String> TOPICS = List.of(
            "housing", "rent", "healthcare", "hospital", "vaccine", "pension", "tax", "budget", "deficit", "inflation",
            "wage", "employment", "school", "university", "tuition", "climate", "emission", "energy", "electricity",
            "pipeline", "railway", "highway", "airport", "port", "water", "drought", "flood", "wildfire", "farming",
            "fishery", "immigration", "border", "asylum", "police", "prison", "court", "election", "ballot", "referendum",
            "parliament", "constitution", "pandemic", "childcare", "broadband", "privacy", "cybersecurity", "defence",
            "treaty", "tariff", "trade", "export", "subsidy", "welfare", "poverty", "homelessness", "transit", "bus",
            "cycling", "pollution", "recycling", "mining", "forestry", "tourism", "museum", "library", "stadium",
            "bank", "mortgage", "interest", "currency", "debt", "investment", "startup", "factory", "strike", "union",
            "nurse", "teacher", "doctor", "veteran", "pensioner", "farmer", "student", "tenant", "landlord", "refugee");

    private static final List<String> QUALIFIERS = List.of(
            "affordable", "public", "local", "national", "rural", "urban", "emergency", "long-term", "fair", "reliable",
            "sustainable", "essential", "regional", "independent", "transparent", "universal", "basic", "modern",
            "safe", "accessible", "future", "federal", "municipal", "clean", "secure");

    private static final List<String> TITLE_PATTERNS = List.of(
            "%s defends %s %s", "Debate over %s deepens as %s %s stalls", "%s: critics question %s %s",
            "%s pledges new %s %s", "Inside the fight over %s and %s %s", "%s warns of %s %s crisis",
            "What the %s means for %s %s", "%s announces %s %s overhaul");

    static final List<String> TAG_QUALIFIERS = List.of("", "policy", "reform", "funding", "crisis");

    private Vocabulary() {
    }

    /**
     * The words quotes are made of, by rank: the words news quotes use most (written for this generator) first, then
     * every lower-case word of a real English word list (Debian's {@code wamerican}, about 64,000 words) in an order
     * shuffled once with a fixed seed. Words are drawn Zipf-distributed over the ranks (exponent 1), as word
     * frequencies in real text are: a few words are everywhere, most are rare.
     */
    static final class Lexicon {
        static final Path DEFAULT_WORD_LIST = Path.of("/usr/share/dict/american-english");
        private static final long ORDER_SEED = 20261202L;

        private final String[] byRank;
        private final DataGenerator.Zipf ranks;

        private Lexicon(List<String> words) {
            byRank = words.toArray(String[]::new);
            ranks = new DataGenerator.Zipf(byRank.length, 1.0);
        }

        static Lexicon load(Path wordList) throws IOException {
            if (!Files.exists(wordList)) {
                throw new IOException(wordList + " is missing: install Debian's wamerican (apt-get install wamerican) or pass --words FILE");
            }
            Set<String> ranked = new LinkedHashSet<>(FUNCTION_WORDS);
            ranked.addAll(NEWS_WORDS);
            List<String> rest = new ArrayList<>();
            for (String word : Files.readAllLines(wordList, StandardCharsets.UTF_8)) {
                if (word.matches("[a-z]{2,}") && !ranked.contains(word)) {
                    rest.add(word);
                }
            }
            java.util.Collections.shuffle(rest, new java.util.Random(ORDER_SEED));
            List<String> words = new ArrayList<>(ranked);
            words.addAll(rest);
            return new Lexicon(words);
        }

        int size() {
            return byRank.length;
        }

        String word(SplittableRandom random) {
            return byRank[ranks.sample(random)];
        }

        String wordAt(int rank) {
            return byRank[rank];
        }

        /** A word a reader would search for (not a stop word) among ranks {@code from} (inclusive) to {@code to}. */
        String searchableWord(SplittableRandom random, int from, int to) {
            while (true) {
                String word = to <= 1_000 ? byRank[from + random.nextInt(to - from)] : word(random);
                int rank = rankOf(word);
                if (rank >= from && rank < to && !FUNCTION_WORDS.contains(word)) {
                    return word;
                }
            }
        }

        private int rankOf(String word) {
            for (int i = 0; i < byRank.length; i++) {
                if (byRank[i].equals(word)) {
                    return i;
                }
            }
            return -1;
        }

        /** A quote of roughly {@code targetLength} characters (never over {@code maxLength}), made of whole sentences. */
        String quote(SplittableRandom random, int targetLength, int maxLength) {
            StringBuilder text = new StringBuilder(targetLength + 120);
            while (text.length() < targetLength) {
                String sentence = sentence(random);
                if (text.length() > 0 && text.length() + 1 + sentence.length() > maxLength) {
                    break;
                }
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(sentence);
            }
            if (text.length() > maxLength) {
                int cut = text.lastIndexOf(" ", maxLength - 1);
                text.setLength(cut);
                text.append('.');
            }
            return text.toString();
        }

        private String sentence(SplittableRandom random) {
            int words = 5 + random.nextInt(16);
            StringBuilder s = new StringBuilder(words * 7);
            for (int i = 0; i < words; i++) {
                String word = word(random);
                if (i == 0) {
                    s.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                } else {
                    s.append(i > 2 && random.nextInt(9) == 0 ? ", " : " ").append(word);
                }
            }
            return s.append(random.nextInt(12) == 0 ? '?' : '.').toString();
        }
    }

    /** The most frequent words of English news text, stop words that every search drops: ranks 1 to ~110. */
    static final List<String> FUNCTION_WORDS = List.of(
            "the", "to", "and", "of", "a", "in", "that", "is", "we", "it", "for", "on", "be", "this", "have", "are", "with",
            "i", "not", "will", "our", "they", "as", "at", "you", "was", "but", "there", "by", "all", "what", "from",
            "has", "do", "can", "about", "so", "an", "been", "would", "their", "or", "if", "more", "no", "very", "who",
            "he", "she", "them", "these", "those", "my", "us", "which", "when", "out", "up", "how", "its", "were",
            "had", "his", "her", "me", "should", "could", "than", "then", "any", "because", "into", "over", "again",
            "just", "only", "other", "some", "such", "own", "same", "both", "each", "few", "most", "why", "where",
            "here", "while", "after", "before", "between", "through", "during", "against", "under", "off", "down",
            "further", "once", "too", "does", "did", "doing", "being", "having", "itself", "ourselves", "themselves");

    /** Content words that news quotes use often, in roughly that order: ranks ~110 to ~300. */
    static final List<String> NEWS_WORDS = List.of(
            "people", "said", "government", "country", "think", "going", "need", "now", "time", "make", "year", "years",
            "new", "one", "want", "work", "also", "like", "know", "today", "many", "public", "right", "way", "every",
            "world", "support", "important", "must", "say", "take", "see", "first", "last", "help", "state", "week",
            "national", "security", "health", "economy", "police", "court", "election", "minister", "president",
            "party", "law", "community", "families", "workers", "business", "money", "children", "report", "million",
            "percent", "vote", "change", "war", "crisis", "plan", "city", "future", "jobs", "region", "council",
            "decision", "issue", "question", "process", "system", "policy", "power", "problem", "situation", "women",
            "together", "never", "already", "always", "still", "well", "good", "better", "best", "clear", "really",
            "certainly", "continue", "believe", "hope", "agreement", "talks", "peace", "rights", "freedom",
            "justice", "leaders", "leadership", "citizens", "voters", "budget", "tax", "taxes", "prices", "energy",
            "climate", "housing", "schools", "education", "hospital", "hospitals", "doctors", "patients", "care",
            "safety", "military", "troops", "attack", "border", "trade", "market", "markets", "growth", "investment",
            "bank", "debt", "inflation", "wages", "union", "strike", "protest", "protests", "campaign", "candidate",
            "parliament", "senate", "congress", "committee", "investigation", "evidence", "officials", "office",
            "administration", "ministry", "department", "agency", "program", "reform", "reforms", "funding",
            "services", "infrastructure", "transport", "water", "food", "farmers", "industry", "companies", "company",
            "technology", "data", "privacy", "media", "press", "truth", "trust", "responsibility", "commitment",
            "promise", "deal", "negotiations", "sanctions", "allies", "partners", "international", "global", "local",
            "federal", "regional", "urban", "rural", "young", "older", "generation", "history", "moment", "step");

    static String sourceTitle(SplittableRandom random, String speakerSurname) {
        String pattern = pick(random, TITLE_PATTERNS);
        String first = pattern.startsWith("%s") ? speakerSurname : pick(random, TOPICS);
        return String.format(pattern, first, pick(random, QUALIFIERS), pick(random, TOPICS));
    }

    /**
     * Searches a reader might type, drawn from the same distribution as the quotes' words, in turn: one word among the
     * 1,000 most frequent, one word beyond them, two words, and a word with another excluded. (Phrases and a speaker
     * with a word are taken from the loaded data by the benchmark script, so that they exist.)
     */
    static List<String> searchTerms(Lexicon lexicon, SplittableRandom random, int count) {
        List<String> terms = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            terms.add(switch (i % 4) {
                case 0 -> lexicon.searchableWord(random, 0, 1_000);
                case 1 -> lexicon.searchableWord(random, 1_000, lexicon.size());
                case 2 -> lexicon.searchableWord(random, 0, lexicon.size()) + " " + lexicon.searchableWord(random, 0, lexicon.size());
                default -> lexicon.searchableWord(random, 0, 1_000) + " -" + lexicon.searchableWord(random, 0, lexicon.size());
            });
        }
        return terms;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

}
