package io.quotewire.bench;

import java.util.List;
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

    private static final List<String> SUBJECTS = List.of(
            "We", "This government", "Our party", "The council", "My office", "The committee", "Our team", "Nobody here",
            "Every family", "The minister", "The opposition", "Voters", "Our members", "The people of this city",
            "This administration", "The board", "Working people", "Local businesses", "Our hospitals", "The courts",
            "I", "They", "You", "The regulator", "Our negotiators", "The unions", "Young people", "The ministry");

    /** Modal forms only, so that they agree with singular and plural subjects alike. */
    private static final List<String> VERBS = List.of(
            "will not accept", "will stay committed to", "cannot ignore", "will deliver", "will fight for",
            "must protect", "will never abandon", "will review", "will fund", "will cut", "will not raise",
            "will oppose", "will fully support", "must reform", "should not underestimate", "will restore",
            "must rethink", "can double", "must stop", "will invest in", "should worry about", "will welcome",
            "must reject", "will act on", "cannot promise", "must not fail on", "will defend", "cannot afford",
            "will modernise", "must rebuild");

    private static final List<String> QUALIFIERS = List.of(
            "affordable", "public", "local", "national", "rural", "urban", "emergency", "long-term", "fair", "reliable",
            "sustainable", "essential", "regional", "independent", "transparent", "universal", "basic", "modern",
            "safe", "accessible", "future", "federal", "municipal", "clean", "secure");

    private static final List<String> NOUNS = List.of(
            "policy", "reform", "plan", "funding", "system", "services", "budget", "programme", "investment", "rules",
            "guarantee", "targets", "standards", "access", "costs", "waiting lists", "jobs", "infrastructure",
            "support", "scheme", "contracts", "prices", "safety", "capacity", "workforce");

    private static final List<String> CLAUSES = List.of(
            "and that is not negotiable", "because the numbers simply do not add up", "whatever the critics say",
            "before the end of this year", "and we will be judged on it", "for the next generation",
            "in every region of the country", "as we promised during the campaign", "without raising a single tax",
            "even if it costs us votes", "and the evidence is clear", "despite the pressure from lobbyists",
            "starting next spring", "and we owe that to taxpayers", "while protecting the most vulnerable",
            "in partnership with local communities", "within the existing budget", "and I am proud of that record",
            "so that nobody is left behind", "and the public deserves better");

    private static final List<String> OPENERS = List.of(
            "Let me be clear:", "Frankly,", "Today", "For too long", "In my view,", "Make no mistake,", "Once again",
            "As I said before,", "To put it simply,", "Honestly,", "At the end of the day,", "Right now", "This week",
            "Over the past decade", "Above all,");

    private static final List<String> SHORT_REMARKS = List.of(
            "That is simply not true.", "The facts speak for themselves.", "We are not going anywhere.",
            "This is a turning point.", "People are tired of waiting.", "The door remains open.",
            "We will see them in court.", "Nobody is above the law.", "Enough is enough.", "The work starts now.",
            "It is a question of fairness.", "We got this wrong, and I apologise.", "Watch this space.",
            "The answer is no.", "I stand by every word.");

    private static final List<String> TITLE_PATTERNS = List.of(
            "%s defends %s %s", "Debate over %s deepens as %s %s stalls", "%s: critics question %s %s",
            "%s pledges new %s %s", "Inside the fight over %s and %s %s", "%s warns of %s %s crisis",
            "What the %s means for %s %s", "%s announces %s %s overhaul");

    static final List<String> TAG_QUALIFIERS = List.of("", "policy", "reform", "funding", "crisis");

    private Vocabulary() {
    }

    /** A quote of roughly {@code targetLength} characters (never over {@code maxLength}), made of whole sentences. */
    static String quote(SplittableRandom random, int targetLength, int maxLength) {
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

    private static String sentence(SplittableRandom random) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return pick(random, SHORT_REMARKS);
        }
        StringBuilder s = new StringBuilder(120);
        if (shape <= 2) {
            s.append(pick(random, OPENERS)).append(' ');
            s.append(lowerFirst(pick(random, SUBJECTS)));
        } else {
            s.append(pick(random, SUBJECTS));
        }
        s.append(' ').append(pick(random, VERBS)).append(' ');
        if (random.nextInt(3) != 0) {
            s.append(pick(random, QUALIFIERS)).append(' ');
        }
        s.append(pick(random, TOPICS)).append(' ').append(pick(random, NOUNS));
        if (random.nextInt(2) == 0) {
            s.append(", ").append(pick(random, CLAUSES));
        }
        return s.append('.').toString();
    }

    static String sourceTitle(SplittableRandom random, String speakerSurname) {
        String pattern = pick(random, TITLE_PATTERNS);
        String first = pattern.startsWith("%s") ? speakerSurname : pick(random, TOPICS);
        return String.format(pattern, first, pick(random, QUALIFIERS), pick(random, TOPICS));
    }

    /**
     * One- and two-word searches a reader might type, drawn from the words quotes are made of: topics alone, and
     * topic pairs or qualifier-topic pairs.
     */
    static List<String> searchTerms(SplittableRandom random, int count) {
        List<String> terms = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            terms.add(switch (i % 3) {
                case 0 -> pick(random, TOPICS);
                case 1 -> pick(random, QUALIFIERS) + " " + pick(random, TOPICS);
                default -> pick(random, TOPICS) + " " + pick(random, NOUNS).split(" ")[0];
            });
        }
        return terms;
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String lowerFirst(String text) {
        return text.equals("I") ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
