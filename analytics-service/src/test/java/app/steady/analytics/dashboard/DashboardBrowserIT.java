package app.steady.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.MoodLogged;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyInfrastructureInitializer;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * The dashboard in a real browser (Debian's headless Chromium driven by Selenium) on data that arrived as events
 * through the real broker: the caseload lists the flagged client first, the client detail shows charts and the
 * flag's evidence, and acknowledging it works. A screenshot is kept in target/dashboard.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SteadyInfrastructureInitializer.class)
class DashboardBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;
    @Autowired
    MongoTemplate mongo;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final String steadyClient = "client-steady-" + UUID.randomUUID().toString().substring(0, 6);
    final String flaggedClient = "client-flagged-" + UUID.randomUUID().toString().substring(0, 6);
    WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTherapistSeesTheFlaggedClientFirstReadsTheEvidenceAndAcknowledgesIt() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
        TestCaseload.assign(topics, json, caseload, tenant, steadyClient, therapist);
        TestCaseload.assign(topics, json, caseload, tenant, flaggedClient, therapist);
        Instant now = Instant.now();
        for (int day = 20; day >= 0; day--) {
            Instant at = now.minus(Duration.ofDays(day));
            publish(steadyClient, new MoodLogged(UUID.randomUUID().toString(), steadyClient, 6 + day % 2, null, null, null,
                    List.of(), null, at, LocalDateTime.ofInstant(at, ZoneOffset.UTC), "Etc/UTC"));
        }
        publish(flaggedClient, new AssessmentCompleted(UUID.randomUUID().toString(), flaggedClient, null, "PHQ-9",
                List.of(2, 2, 2, 1, 1, 1, 1, 1, 1), 12, "MODERATE", true, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)),
                "risk_flags") == 1 && mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), "client_records") == 2);

        browser = chromium();
        // On analytics-service's own origin (not through the front door) the token is typed into the page's form:
        // never in the address, never in the browser's storage.
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(TestTokens.therapist(tenant, therapist).substring("Bearer ".length()));
        browser.findElement(By.cssSelector("#token-form button[type='submit']")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#caseload-rows tr"), 2));
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#caseload-rows tr"));
        assertThat(rows.get(0).getAttribute("data-client")).isEqualTo(flaggedClient);
        assertThat(rows.get(0).getText()).contains("needs attention").contains("1 (high)").contains("PHQ-9 12");
        assertThat(rows.get(1).findElements(By.cssSelector("canvas"))).as("mood sparkline drawn by uPlot").isNotEmpty();
        assertThat(String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")))
                .as("no token in the browser's storage").doesNotContain("eyJ");

        rows.get(0).findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flags"), "item 9"));
        assertThat(browser.findElement(By.id("goals")).getText()).contains("GAS T-score");
        assertThat(browser.findElements(By.cssSelector("#scores-chart canvas"))).as("scores against their bands").isNotEmpty();
        screenshot("dashboard.png");
        browser.findElement(By.cssSelector("#flags button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flags"), "acknowledged by " + therapist));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("acknowledgedBy").is(therapist)), "risk_flags") == 1);
    }

    private void publish(String client, EventData data) {
        EventType type = EventType.of(data);
        KafkaTestClient.shared().send(topics.of(type.topic()), client, TestEvents.headers(type, tenant, client), json.write(data));
    }

    private void screenshot(String name) throws IOException {
        Path file = Path.of("target", name);
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("steady-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
