package io.quotewire.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relevance of the index's ranking: over a fixture of 24 quotes on overlapping subjects (written for this test),
 * each of 20 searches must rank the quote it was written to find among its first three.
 */
@QuarkusTest
class SearchRelevanceTest {

    private static final Map<String, String> FIXTURE = new LinkedHashMap<>();

    static {
        FIXTURE.put("rents", "Rents in the capital have doubled in five years, and wages have not kept pace.");
        FIXTURE.put("homes", "We will build forty thousand affordable homes before the next election.");
        FIXTURE.put("speculation", "The housing crisis is not a crisis of supply alone; it is a crisis of speculation.");
        FIXTURE.put("hospitals", "Our hospitals are running at full capacity and the waiting lists keep growing.");
        FIXTURE.put("nurses", "Nurses deserve a pay rise that matches inflation, not a token gesture.");
        FIXTURE.put("vaccine", "The vaccine rollout reached every rural clinic by the end of March.");
        FIXTURE.put("climate", "Climate change is the defining challenge of our generation.");
        FIXTURE.put("coal", "We will phase out coal power stations by 2030 and invest in offshore wind.");
        FIXTURE.put("flooding", "Flooding along the river destroyed three hundred homes last winter.");
        FIXTURE.put("rates", "Interest rates will stay high until inflation returns to target.");
        FIXTURE.put("bank", "The central bank acted independently, as the law requires.");
        FIXTURE.put("bills", "Small businesses are closing because energy bills have tripled.");
        FIXTURE.put("press", "Press freedom is the foundation of every democracy.");
        FIXTURE.put("journalists", "Journalists must be able to report without fear of arrest.");
        FIXTURE.put("referendum", "The referendum result must be respected by every party in parliament.");
        FIXTURE.put("election", "Voters were promised a fair election, and observers say they got one.");
        FIXTURE.put("teachers", "Teachers are leaving the profession faster than we can train them.");
        FIXTURE.put("meals", "Free school meals for every child is an investment, not a cost.");
        FIXTURE.put("railway", "The new railway line will cut the journey to the coast by an hour.");
        FIXTURE.put("fares", "Bus fares in rural areas are too high for pensioners on a fixed income.");
        FIXTURE.put("border", "Our border policy is humane, orderly and within international law.");
        FIXTURE.put("asylum", "Asylum seekers wait years for a decision, and that is unacceptable.");
        FIXTURE.put("stadium", "The football stadium will be rebuilt with public money.");
        FIXTURE.put("knives", "Police numbers have fallen while knife crime has risen in the city.");
    }

    /** Search, and the fixture quote it must rank in its top three. */
    private static final List<String[]> SEARCHES = List.of(
            new String[] {"affordable homes", "homes"},
            new String[] {"housing speculation", "speculation"},
            new String[] {"rent and wages", "rents"},
            new String[] {"hospital waiting lists", "hospitals"},
            new String[] {"nurse pay inflation", "nurses"},
            new String[] {"vaccines in clinics", "vaccine"},
            new String[] {"\"offshore wind\"", "coal"},
            new String[] {"flooded homes", "flooding"},
            new String[] {"interest rate inflation", "rates"},
            new String[] {"central bank independence", "bank"},
            new String[] {"energy bills for businesses", "bills"},
            new String[] {"\"press freedom\"", "press"},
            new String[] {"journalists arrested", "journalists"},
            new String[] {"referendum or plebiscite", "referendum"},
            new String[] {"election -referendum -homes", "election"},
            new String[] {"training teachers", "teachers"},
            new String[] {"free school meals", "meals"},
            new String[] {"railway journeys", "railway"},
            new String[] {"bus fares pensioners", "fares"},
            new String[] {"knife crime police", "knives"});

    private static String source;
    private static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void createFixtureOnce() {
        if (source != null) {
            return;
        }
        IndexAwait.untilTheIndexAnswers();
        source = Fixtures.createSource();
        FIXTURE.forEach((name, text) -> ids.put(name, Fixtures.createQuote(source, null, text)));
    }

    @Test
    void theQuoteEachSearchWasWrittenForIsInItsTopThree() {
        List<String> misses = new ArrayList<>();
        for (String[] search : SEARCHES) {
            List<String> top = given().queryParam("q", search[0]).queryParam("source", source).queryParam("limit", 3)
                    .when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath().getList("items.id");
            if (!top.contains(ids.get(search[1]))) {
                misses.add(search[0] + " -> expected '" + search[1] + "', got " + top.stream().map(this::nameOf).toList());
            }
        }
        assertTrue(IndexAwait.theIndexAnswers(), "the index, not PostgreSQL, answered these searches");
        assertTrue(misses.isEmpty(), "searches that missed their quote: " + misses);
    }

    private String nameOf(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(id);
    }
}
