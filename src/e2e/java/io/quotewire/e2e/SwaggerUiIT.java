package io.quotewire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * A newcomer's first contact: Swagger UI in headless Chromium, "Try it out" on the random quote, and the answer
 * it shows. The screenshot is kept in target/e2e/ as evidence.
 */
@QuarkusIntegrationTest
class SwaggerUiIT {

    private static final Path SCREENSHOTS = Path.of("target", "e2e");
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1800",
                        "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), "chromium-profile-"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tryingOutTheRandomQuoteShowsA200WithAQuote() throws IOException {
        browser.get("http://localhost:" + RestAssured.port + "/q/swagger-ui/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(By.id("operations-Quotes-randomQuotes")));
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Quotes-randomQuotes .try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Quotes-randomQuotes .execute"))).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-Quotes-randomQuotes .live-responses-table .response .response-col_status")));
        WebElement body = browser.findElement(By.cssSelector("#operations-Quotes-randomQuotes .live-responses-table .response-col_description pre"));
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("swagger-ui-random-quote.png"), StandardCopyOption.REPLACE_EXISTING);

        assertEquals("200", status.getText().strip());
        assertTrue(body.getText().contains("\"items\""), body.getText());
        assertTrue(body.getText().contains("\"speaker\""), body.getText());
    }
}
