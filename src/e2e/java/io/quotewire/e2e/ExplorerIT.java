package io.quotewire.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's walk through the explorer in headless Chromium, on the packaged service and its seed article: search
 * from the home page with the keyboard, see the hits marked, open a quote, find it marked in the source text at
 * exactly the characters the API gives, and follow the speaker. Screenshots of every step are kept in target/e2e/.
 */
@QuarkusIntegrationTest
class ExplorerIT {

    private static final Path SCREENSHOTS = Path.of("target", "e2e");
    /** JavaScript: the code points of the source text before the mark, counted as the API counts offsets. */
    private static final String OFFSET_OF_MARK = """
            const mark = arguments[0];
            const range = document.createRange();
            range.setStart(mark.parentNode, 0);
            range.setEndBefore(mark);
            return Array.from(range.toString()).length;""";
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1400",
                        "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "chromium-profile-"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void searchOpenAQuoteSeeItMarkedInItsSourceAndFollowTheSpeaker() throws IOException {
        String base = "http://localhost:" + RestAssured.port;
        browser.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("today-heading")));
        shot("explorer-1-home.png");

        // search with the keyboard, as a person would
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("human rights", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
        List<WebElement> hits = browser.findElements(By.cssSelector("ol.results blockquote mark"));
        assertFalse(hits.isEmpty(), "the hits are marked");
        assertTrue(hits.stream().allMatch(h -> h.getText().toLowerCase().startsWith("human") || h.getText().toLowerCase().startsWith("right")),
                "only the words searched for are marked");
        shot("explorer-2-search.png");

        // open the first quote
        browser.findElement(By.cssSelector("ol.results a.open")).click();
        WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark.in-source")));
        String quoteId = browser.getCurrentUrl().replaceFirst(".*/quotes/", "");
        JsonPath quote = given().when().get("/api/v1/quotes/" + quoteId).then().statusCode(200).extract().jsonPath();
        assertEquals(quote.getString("text"), mark.getText(), "the marked characters are the quote");
        long before = (Long) ((JavascriptExecutor) browser).executeScript(OFFSET_OF_MARK, mark);
        assertEquals(quote.getInt("start"), (int) before, "the mark starts at the quote's start offset");
        assertEquals(quote.getInt("end"), (int) before + mark.getText().codePointCount(0, mark.getText().length()), "and ends at its end offset");
        String source = given().when().get("/api/v1/sources/" + quote.getString("source.id")).then().extract().path("text");
        String shown = (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].parentNode.textContent;", mark);
        assertEquals(source, shown, "the whole source text is shown, unchanged");
        browser.findElement(By.cssSelector("a[href^='#quote-in-source']")).click();
        shot("explorer-3-quote.png");

        // follow the speaker
        String speakerName = quote.getString("speaker.name");
        browser.findElement(By.cssSelector("article.quote .by a[href^='/speakers/']")).click();
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertEquals(speakerName, heading.getText());
        assertFalse(browser.findElements(By.cssSelector("a[href='/quotes/" + quoteId + "']")).isEmpty(), "the speaker's page lists the quote");
        shot("explorer-4-speaker.png");

        // the same quote on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/quotes/" + quoteId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark.in-source")));
        Long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        Long clientWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        assertTrue(scrollWidth <= clientWidth, "no sideways scrolling on a phone: " + scrollWidth + " > " + clientWidth);
        shot("explorer-5-quote-phone.png");
    }

    private void shot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
