package org.labourgraph.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.labourgraph.web.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser: Debian's chromium driven headless by Selenium through Debian's chromedriver,
 * against the real server on port 0. Screenshots go to target/screenshots/.
 */
@Tag("slow")
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static TestServer server;
    static ChromeDriver browser;
    static Path profile;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        // On CI (.ci/run installs chromium and chromium-driver) a missing browser is a failure, not a skip.
        assertTrue(installed || System.getenv("CI") == null, "CI must have /usr/bin/chromium and /usr/bin/chromedriver (see .ci/run)");
        assumeTrue(installed, "chromium and chromedriver are not installed: apt-get install -y chromium chromium-driver");
        server = TestServer.start();
        profile = Files.createTempDirectory("lg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    void open(String path) {
        browser.get(server.server.baseUrl() + path);
    }

    static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void home_to_a_concept_by_its_tier_then_broader_then_a_work_and_its_citation() throws IOException {
        open("?lang=en");
        screenshot("01-home");
        browser.findElement(By.cssSelector("ol.tiers li.tier-1 h3 a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ghost work"));
        screenshot("02-concept-ghost-work");
        browser.findElement(By.cssSelector("dd.broader a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "digital labour"));
        browser.findElement(By.cssSelector("dd.discussed-in a[href^='/doc/work/']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.citation")));
        assertTrue(browser.getCurrentUrl().contains("/doc/work/"));
        String apa = browser.findElement(By.id("cite-apa")).getText();
        assertTrue(apa.contains("Durand Folco"), apa);
        WebElement bib = browser.findElement(By.linkText("BibTeX"));
        assertTrue(bib.getAttribute("href").contains("/cite/work/"));
        screenshot("03-work-citation");
    }

    @Test
    void searching_travail_fantome_without_accent_reaches_ghost_work() throws IOException {
        open("?lang=fr");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("travail fantome");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li a")));
        assertTrue(first.getText().contains("travail fantôme"), first.getText());
        assertTrue(first.getText().contains("Concept"), "the kind, in the page's language: " + first.getText());
        screenshot("04-autocomplete");
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.results li a")));
        assertFalse(browser.findElements(By.cssSelector("ol.results mark")).isEmpty(), "matched text highlighted");
        screenshot("05-search-results");
        browser.findElement(By.cssSelector("ol.results li a")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "travail fantôme"));
        assertTrue(browser.getCurrentUrl().endsWith("/doc/concept/ghost-work") || browser.getCurrentUrl().contains("/doc/concept/ghost-work?"));
    }

    @Test
    void the_language_switch_flips_labels_and_interface() {
        open("doc/concept/click-work?lang=en");
        assertEquals("click work", h1());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "travail du clic"));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        // the choice is remembered (cookie) on the next page
        open("doc/concept/micro-work");
        assertEquals("micro-travail", h1());
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "micro-work"));
    }

    @Test
    void the_sparql_page_runs_an_example_and_shows_rows() throws IOException {
        open("query?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        List<WebElement> examples = browser.findElements(By.cssSelector("button.example"));
        assertEquals(20, examples.size());
        examples.get(0).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#yasgui .yasr table tbody tr"), 0));
        int rows = browser.findElements(By.cssSelector("#yasgui .yasr table tbody tr")).size();
        assertTrue(rows > 0);
        String share = browser.findElement(By.id("share-link")).getAttribute("href");
        assertTrue(share.contains("/query?query="), share);
        assertTrue(browser.findElement(By.id("dl-csv")).getAttribute("href").contains("output=csv"));
        screenshot("06-sparql-example");
    }

    @Test
    void the_concept_map_renders_clickable_nodes() throws IOException {
        open("map?lang=en");
        List<WebElement> nodes = browser.findElements(By.cssSelector("svg g.node"));
        assertTrue(nodes.size() >= 20, "nodes: " + nodes.size());
        assertTrue(nodes.get(0).isDisplayed());
        screenshot("07-scheme-map");
        browser.findElement(By.cssSelector("svg g.node a[href='/doc/concept/ghost-work']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ghost work"));
        List<WebElement> small = browser.findElements(By.cssSelector("figure.concept-map svg g.node"));
        assertTrue(small.size() > 3, "the concept's neighbourhood map");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector("figure.concept-map")));
        screenshot("08-concept-map");
    }
}
