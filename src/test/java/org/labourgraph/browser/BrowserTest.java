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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labourgraph.web.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.labourgraph.ProjectPaths;

/**
 * The site in a real browser: Debian's chromium driven headless by Selenium through Debian's chromedriver,
 * against the real server on port 0. Screenshots go to target/screenshots/.
 */
@Tag("slow")
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = ProjectPaths.root().resolve("target").resolve("screenshots");
    /** axe-core, installed by the build's npm ci in src/main/web (a devDependency: never served). */
    static final Path AXE = ProjectPaths.root().resolve("src/main/web/node_modules/axe-core/axe.min.js");

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

    /** One page of every kind the site shows, each asked in both languages by the accessibility test. */
    static List<String> pageKinds() {
        List<String> paths = List.of("", "doc/concept/ghost-work", "doc/person/gina-neff", "doc/work/ghost-work",
                "doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E", "hierarchy", "hierarchy?branch=https%3A%2F%2Fw3id.org%2Flabourgraph%2Fid%2Fconcept%2Fdigital-labour",
                "index?letter=T", "map", "search?q=travail", "query", "ontology", "ontology/0.1.0", "dataset",
                "history/concept/ghost-work", "doc/concept/no-such-concept");
        List<String> both = new java.util.ArrayList<>();
        for (String lang : new String[] {"fr", "en"}) {
            paths.forEach(p -> both.add(p + (p.contains("?") ? "&" : "?") + "lang=" + lang));
        }
        return both;
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page open in the browser; returns each violation, one a line. */
    static String axeViolations() throws IOException {
        JavascriptExecutor js = browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(Files.readString(AXE));
        }
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + " + v.nodes.length + ' × ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ' — '"
                + " + n.failureSummary.replace(/\\s+/g, ' '); }).join(' | '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        return String.join("\n", ((List<?>) found).stream().map(String::valueOf).toList());
    }

    @ParameterizedTest
    @MethodSource("pageKinds")
    void every_page_kind_has_no_wcag_2_1_aa_violation(String path) throws IOException {
        assertTrue(Files.isReadable(AXE), "axe-core is installed by the build (npm ci in src/main/web): " + AXE.toAbsolutePath());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        open(path);
        if (path.startsWith("query")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        }
        assertEquals("", axeViolations(), "axe-core on /" + path);
    }

    /** Empty when the page does not scroll sideways; else the first elements past the right edge not clipped by a scroller. */
    static final String SIDEWAYS = "var root = document.documentElement, w = root.clientWidth;"
            + "if (root.scrollWidth <= w) { return ''; }"
            + "var clipped = function (e) { for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {"
            + " if (getComputedStyle(p).overflowX !== 'visible') { return true; } } return false; };"
            + "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
            + " return e.getBoundingClientRect().right > w + 1 && !clipped(e); })"
            + ".slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''); }).join(', ') || 'scrollWidth ' + root.scrollWidth;";

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"fr", "en"})
    void the_sparql_page_showing_results_has_no_wcag_2_1_aa_violation(String lang) throws IOException {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        open("query?lang=" + lang);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        browser.findElements(By.cssSelector("button.example")).get(0).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#yasgui .yasr table tbody tr"), 0));
        screenshot("10-sparql-results-" + lang);
        assertEquals("", axeViolations(), "axe-core on /query with results shown (" + lang + ")");
        // A phone's width (WCAG 1.4.10 reflows at 320 CSS px): the page does not scroll sideways; the editor's long lines
        // and the results table scroll inside their own regions, which axe then checks.
        browser.manage().window().setSize(new Dimension(320, 900));
        try {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector("#yasgui .yasr")));
            screenshot("11-sparql-results-narrow-" + lang);
            assertEquals("", ((JavascriptExecutor) browser).executeScript(SIDEWAYS), "the page scrolls sideways at 320 px; past the edge:");
            assertEquals("", axeViolations(), "axe-core on /query with results shown, 320 px wide (" + lang + ")");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void a_wide_table_of_plain_values_scrolls_in_its_own_named_region_on_a_phone() throws IOException {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // No IRI, so no link: the results box has no focusable content of its own.
        String query = "SELECT ?first ?second ?third ?fourth WHERE { VALUES (?first ?second ?third ?fourth) {"
                + " (\"a long plain value with no link in it\" \"another long plain value\" \"a third long plain value\" \"a fourth one\") } }";
        open("query?lang=en&query=" + TestServer.enc(query));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        browser.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#yasgui .yasr table tbody tr"), 0));
        browser.manage().window().setSize(new Dimension(320, 900));
        try {
            WebElement results = browser.findElement(By.cssSelector("#yasgui .yasr_results"));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].scrollWidth > arguments[0].clientWidth", results), "the table is wider than a phone");
            assertEquals("", ((JavascriptExecutor) browser).executeScript(SIDEWAYS), "the page scrolls sideways at 320 px; past the edge:");
            assertEquals("", axeViolations(), "axe-core on /query with a wide plain table, 320 px wide");
            assertEquals("Results (scroll with the arrow keys)", results.getAccessibleName());
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void tab_leaves_the_sparql_editor_for_its_scrolling_region_which_the_keys_scroll() {
        open("query?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror")));
        browser.findElements(By.cssSelector("button.example")).get(0).click();
        WebElement scroller = browser.findElement(By.cssSelector("#yasgui .CodeMirror-scroll"));
        JavascriptExecutor js = browser;
        assertEquals(Boolean.TRUE, js.executeScript("return arguments[0].scrollHeight > arguments[0].clientHeight", scroller),
                "the example is longer than the editor");
        js.executeScript("arguments[0].focus()", browser.findElement(By.cssSelector("#yasgui .CodeMirror textarea")));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals(scroller, focused, () -> "Tab leaves the editor for its scrolling region, not "
                + focused.getAttribute("outerHTML").substring(0, Math.min(200, focused.getAttribute("outerHTML").length())));
        assertEquals("Query text (scrolls with the arrow keys)", focused.getAccessibleName());
        focused.sendKeys(Keys.PAGE_DOWN);
        wait.until(d -> ((Number) js.executeScript("return arguments[0].scrollTop", scroller)).intValue() > 0);
    }

    @Test
    void the_hierarchy_works_by_keyboard_each_toggle_after_its_link() throws IOException {
        open("hierarchy?lang=en");
        WebElement link = browser.findElement(By.cssSelector("ul.tree > li.branch > a"));
        WebElement details = browser.findElement(By.cssSelector("ul.tree > li.branch > details"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", link);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement toggle = browser.switchTo().activeElement();
        assertEquals("summary", toggle.getTagName(), "Tab from a concept's link reaches its toggle");
        assertEquals("Narrower concepts of “" + link.getText() + "”", toggle.getAccessibleName());
        WebElement child = details.findElement(By.cssSelector("ul > li > a"));
        assertTrue(child.isDisplayed());
        toggle.sendKeys(Keys.ENTER);
        wait.until(d -> details.getAttribute("open") == null);
        assertFalse(child.isDisplayed(), "Enter closes the branch");
        toggle.sendKeys(Keys.SPACE);
        wait.until(d -> details.getAttribute("open") != null);
        assertTrue(child.isDisplayed(), "Space opens it again");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(child.getAttribute("href"), browser.switchTo().activeElement().getAttribute("href"),
                "then Tab goes on to the first narrower concept");
        screenshot("09-hierarchy-keyboard");
    }

    @Test
    void the_search_suggestions_work_by_keyboard() {
        open("?lang=en");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("travail fantome");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li a")));
        assertEquals("true", box.getAttribute("aria-expanded"));
        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals("suggestion-0", box.getAttribute("aria-activedescendant"), "Down selects the first suggestion");
        assertEquals("true", browser.findElement(By.id("suggestion-0")).getAttribute("aria-selected"));
        box.sendKeys(Keys.ARROW_UP);
        String last = browser.findElements(By.cssSelector("#suggestions li")).get(browser.findElements(By.cssSelector("#suggestions li")).size() - 1).getAttribute("id");
        assertEquals(last, box.getAttribute("aria-activedescendant"), "Up from the first wraps to the last");
        box.sendKeys(Keys.ESCAPE);
        assertEquals("false", box.getAttribute("aria-expanded"), "Escape closes the list");
        assertFalse(browser.findElement(By.id("suggestions")).isDisplayed());
        box.clear(); // Chromium's own Escape on a search field may also have emptied it
        box.sendKeys("travail fantome");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li a")));
        String target = browser.findElement(By.cssSelector("#suggestion-0 a")).getAttribute("href");
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(target));
    }

    @Test
    void the_sparql_editor_controls_have_names_in_the_page_language() {
        open("query?lang=fr");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#yasgui .CodeMirror textarea")));
        assertEquals("Requête", browser.findElement(By.cssSelector("#yasgui .CodeMirror textarea")).getAttribute("aria-label"));
        assertEquals("Point d'accès SPARQL", browser.findElement(By.cssSelector("#yasgui input.autocomplete")).getAttribute("aria-label"));
        for (WebElement c : browser.findElements(By.cssSelector("#yasgui input, #yasgui select, #yasgui textarea"))) {
            assertFalse(c.getAttribute("aria-label") == null || c.getAttribute("aria-label").isBlank(), c.getAttribute("outerHTML"));
        }
    }
}
