package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The client's web app in a real browser (Debian's headless Chromium, Selenium) through the front door, against the
 * real services the launcher started ({@link LaunchedSteady}): the client signs in with one click, completes today's
 * homework rating its helpfulness, and logs a mood with emotions and a note; the effects are read back from the
 * services, the therapist's view included. Every screen passes axe-core (from npm, infra/client-app) with no serious
 * or critical violation, and is kept as a screenshot in target/client-app/.
 */
class ClientAppE2E {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = ExternalTools.ROOT.resolve("infra/e2e/target/client-app");

    private static LaunchedSteady steady;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String axe;

    @BeforeAll
    static void openTheAppInABrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver are needed (.ci/run installs them)").isTrue();
        axe = axeCore();
        steady = LaunchedSteady.get();
        browser = chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theClientSignsInCompletesTodaysHomeworkAndLogsTheirMood() throws IOException {
        String title = "Box breathing " + UUID.randomUUID().toString().substring(0, 6);
        java.time.ZoneId zone = zoneWellInsideTheDay();
        String assignment = homeworkDueSoon(title, zone);
        // The client's own time zone, as their boundaries screen sets it; the app shows today in it.
        Http.Response settings = Http.send("PUT", steady.front() + "/clients/client-1/reminder-settings",
                steady.bearer("CLIENT"), "{\"timeZone\":\"" + zone.getId() + "\"}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);

        browser.get(steady.front() + "/app/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-user='client-1']")));
        checkScreen("sign-in");
        browser.findElement(By.cssSelector("button[data-user='client-1']")).click();

        // Today: the homework the therapist just set, open now; done, and helpful (4 of 5).
        waitFor("today's agenda with " + title, ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), title));
        assertThat(browser.findElement(By.id("main")).getText()).contains("Times are in " + zone.getId());
        checkScreen("today");
        WebElement card = cardOf(title);
        card.findElement(By.cssSelector("input[type='radio'][value='4']")).click();
        card.findElement(By.cssSelector("form.complete button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is marked done"));
        wait.until(driver -> cardOf(title).getText().contains("Done, helpfulness 4 of 5"));
        String agenda = Http.send("GET", steady.front() + "/clients/client-1/agenda?days=1", steady.bearer("CLIENT"), null).body();
        assertThat(agenda).contains("\"assignmentId\":\"" + assignment + "\"").contains("\"state\":\"COMPLETED\"")
                .contains("\"helpfulness\":4");
        assertThat(browser.manage().getCookieNamed("STEADY_SESSION").isHttpOnly()).isTrue();
        assertThat(String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")))
                .as("no token where a script could read it").doesNotContain("eyJ");

        // Mood: low, tired, with a note.
        browser.findElement(By.cssSelector("nav a[href='#mood']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mood-form")));
        checkScreen("mood");
        String note = "Slept badly " + UUID.randomUUID().toString().substring(0, 6);
        ((JavascriptExecutor) browser).executeScript("const mood = document.getElementById('mood'); mood.value = '2';"
                + " mood.dispatchEvent(new Event('input'));");
        browser.findElement(By.cssSelector("input[name='emotion'][value='tired']")).click();
        browser.findElement(By.id("note")).sendKeys(note);
        browser.findElement(By.cssSelector("#mood-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Your mood is saved"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recent-moods"), note));
        assertThat(browser.findElement(By.id("recent-moods")).getText()).contains("Mood 2 of 10 · tired");

        // The therapist sees it: analytics' summary of client-1 has a day at mood 2 (the only mood client-1 logged).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.send("GET",
                steady.front() + "/clients/client-1/summary", steady.bearer("THERAPIST"), null).body())
                .contains("\"mood\":2.0}"));
    }

    /**
     * A time zone where the local time is well inside the day (so that "in five minutes" is still today): UTC, Tokyo or
     * New York, whichever is between 01:00 and 22:00 now. It is also the zone the client lives by in this test.
     */
    private static java.time.ZoneId zoneWellInsideTheDay() {
        for (String zone : List.of("UTC", "Asia/Tokyo", "America/New_York")) {
            LocalTime local = ZonedDateTime.now(java.time.ZoneId.of(zone)).toLocalTime();
            if (local.isAfter(LocalTime.of(1, 0)) && local.isBefore(LocalTime.of(22, 0))) {
                return java.time.ZoneId.of(zone);
            }
        }
        throw new IllegalStateException("no zone between 01:00 and 22:00");
    }

    /**
     * A daily exercise for client-1, set by therapist-1 through the front door, due in five minutes in the client's
     * zone (occurrences before the assignment are not planned; one due soon can be done now).
     */
    private static String homeworkDueSoon(String title, java.time.ZoneId zone) {
        ZonedDateTime soon = ZonedDateTime.now(zone).plusMinutes(5);
        String body = """
                {"kind":"RELAXATION","title":"%s","expectedMinutes":5,"techniqueId":"box-breathing",
                 "schedule":{"recurrence":"DAILY","startDate":"%s","times":["%s"],"timeZone":"%s","completionWindow":"PT3H"}}"""
                .formatted(title, soon.toLocalDate(), soon.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), zone.getId());
        Http.Response created = Http.send("POST", steady.front() + "/clients/client-1/assignments",
                steady.bearer("THERAPIST"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.location().substring(created.location().lastIndexOf('/') + 1);
    }

    /** Waits like {@code wait.until}, and on a timeout keeps a screenshot and says what the page showed. */
    private static void waitFor(String what, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) throws IOException {
        try {
            wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Files.write(SCREENSHOTS.resolve("failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("No " + what + "; the page showed: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static WebElement cardOf(String title) {
        return browser.findElements(By.cssSelector("#agenda li")).stream()
                .filter(card -> card.getText().contains(title)).findFirst().orElseThrow();
    }

    /** axe-core on the screen as it is: no serious or critical violation; and a screenshot. */
    @SuppressWarnings("unchecked")
    private static void checkScreen(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>"
                + " ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        assertThat(violations).as("axe-core on the " + name + " screen")
                .filteredOn(violation -> List.of("serious", "critical").contains(violation.get("impact"))).isEmpty();
    }

    /** axe-core as npm installs it from infra/client-app's lock file. */
    private static String axeCore() {
        Path app = ExternalTools.ROOT.resolve("infra/client-app");
        Path script = app.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            ExternalTools.require("npm", "apt-get install -y npm");
            ExternalTools.Result installed = ExternalTools.run(app, null, null, Duration.ofMinutes(3),
                    "npm", "ci", "--no-audit", "--no-fund");
            assertThat(installed.exitCode()).as(installed.describe()).isZero();
        }
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriver chromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1000,900", "--user-data-dir=" + Files.createTempDirectory("steady-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
