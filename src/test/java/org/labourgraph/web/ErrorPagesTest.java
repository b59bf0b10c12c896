package org.labourgraph.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 21: every error is the site's own page for browsers, a short JSON or text body for others; no product versions. */
class ErrorPagesTest {
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String ADA = AppHttp.basic("ada", "s3cret-pass");

    @TempDir
    static Path dir;
    static TestServer writable;
    static TestServer readOnly;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        writable = TestServer.start(s -> s.withPasswordFile(passwd).withMaxRequestBytes(2048));
        readOnly = TestServer.start();
    }

    @AfterAll
    static void stop() {
        writable.close();
        readOnly.close();
    }

    /** One request per status the server can be led to, each a builder still missing its Accept headers. */
    static Map<Integer, Function<String[], HttpRequest>> provoked() {
        Map<Integer, Function<String[], HttpRequest>> m = new LinkedHashMap<>();
        m.put(400, h -> request(readOnly, "sitemap.xml?page=many", "GET", null, h));
        m.put(401, h -> request(writable, "update", "POST", "INSERT DATA {}", h, "Content-Type", "application/sparql-update"));
        m.put(403, h -> request(readOnly, "update", "POST", "INSERT DATA {}", h, "Content-Type", "application/sparql-update"));
        m.put(404, h -> request(readOnly, "no/such/page", "GET", null, h));
        m.put(405, h -> request(readOnly, "health", "DELETE", null, h));
        m.put(406, h -> request(readOnly, "doc/concept/ghost-work?format=png", "GET", null, h));
        m.put(412, h -> request(writable, "doc/concept/ghost-work", "PUT",
                "<https://w3id.org/labourgraph/id/concept/ghost-work> <http://www.w3.org/2004/02/skos/core#altLabel> \"x\"@en .",
                h, "Content-Type", "text/turtle", "If-Match", "\"stale\"", "Authorization", ADA));
        m.put(413, h -> request(writable, "update", "POST", "#".repeat(4096), h, "Content-Type", "application/sparql-update",
                "Authorization", ADA));
        return m;
    }

    static HttpRequest request(TestServer server, String path, String method, String body, String[] accept, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + accept.length);
        System.arraycopy(accept, 0, all, headers.length, accept.length);
        return TestServer.request(server.uri(path), method, null, body, all);
    }

    static HttpResponse<String> send(HttpRequest r) throws Exception {
        return writable.http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static void assertNoProductNames(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Server").isEmpty(), "Server header: " + r.headers().firstValue("Server"));
        String lower = r.body().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("jetty") || lower.contains("fuseki") || lower.contains("powered by"), r.body());
    }

    @Test
    void browsers_get_the_sites_page_in_their_language_for_every_error() throws Exception {
        for (var e : provoked().entrySet()) {
            HttpResponse<String> fr = send(e.getValue().apply(new String[] {"Accept", BROWSER, "Accept-Language", "fr-FR,fr;q=0.9"}));
            assertEquals(e.getKey(), fr.statusCode(), fr.uri() + " " + fr.body());
            assertEquals("text/html", AppHttp.mediaTypeOf(fr), fr.uri().toString());
            assertTrue(fr.body().contains("<html lang=\"fr\"") && fr.body().contains("href=\"/static/site.css\""), fr.body());
            assertTrue(fr.body().contains(org.labourgraph.render.Ui.of("fr").t("error.status." + e.getKey())), fr.body());
            assertTrue(fr.body().contains(">Accueil</a>"), fr.body());
            assertNoProductNames(fr);
            HttpResponse<String> en = send(e.getValue().apply(new String[] {"Accept", BROWSER, "Accept-Language", "en"}));
            assertTrue(en.body().contains("<html lang=\"en\"") && en.body().contains(
                    org.labourgraph.render.Ui.of("en").t("error.status." + e.getKey() + ".help")), en.body());
        }
    }

    @Test
    void other_clients_get_short_json_or_text_saying_what_went_wrong() throws Exception {
        for (var e : provoked().entrySet()) {
            HttpResponse<String> json = send(e.getValue().apply(new String[] {"Accept", "application/json"}));
            assertEquals(e.getKey(), json.statusCode(), json.body());
            assertEquals("application/json", AppHttp.mediaTypeOf(json), json.uri() + " " + json.body());
            JsonObject error = JSON.parse(json.body()).get("error").getAsObject();
            assertEquals(e.getKey(), error.get("status").getAsNumber().value().intValue());
            assertFalse(error.get("message").getAsString().value().isBlank());
            assertNoProductNames(json);
            HttpResponse<String> text = send(e.getValue().apply(new String[] {}));
            assertEquals(e.getKey(), text.statusCode());
            // Plain text, or JSON where the address is a JSON API (resource edits); never a page.
            assertTrue(Set.of("text/plain", "application/json").contains(AppHttp.mediaTypeOf(text)), text.uri() + " " + text.body());
            assertTrue(text.body().length() < 2000 && !text.body().contains("<html"), text.body());
            assertNoProductNames(text);
        }
    }

    @Test
    void a_refused_path_says_what_is_wrong_not_just_the_status() throws Exception {
        HttpResponse<String> r = send(provoked().get(413).apply(new String[] {}));
        assertTrue(r.body().contains("at most 2048 bytes"), r.body());
        HttpResponse<String> page = send(provoked().get(406).apply(new String[] {"Accept", BROWSER}));
        assertTrue(page.body().contains("text/turtle"), "the page lists the formats to ask for: " + page.body());
    }

    @Test
    void sparql_clients_keep_plain_text_errors_from_the_endpoint() throws Exception {
        HttpResponse<String> r = readOnly.query("SELEC", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertEquals("text/plain", AppHttp.mediaTypeOf(r));
        assertTrue(r.body().contains("line 1"), r.body());
        assertNoProductNames(r);
        assertNoProductNames(readOnly.query("ASK {}", "application/sparql-results+json"));
    }

    @Test
    void too_many_failed_logins_get_429_as_the_sites_page() throws Exception {
        String wrong = AppHttp.basic("mallory", "guess"); // the throttle counts per address and account
        HttpResponse<String> r = null;
        for (int i = 0; i <= LabourgraphServer.LOGIN_FAILURES_BEFORE_THROTTLE && (r == null || r.statusCode() != 429); i++) {
            r = send(request(writable, "update", "POST", "INSERT DATA {}", new String[] {"Accept", BROWSER, "Accept-Language", "fr"},
                    "Content-Type", "application/sparql-update", "Authorization", wrong));
        }
        assertEquals(429, r.statusCode());
        assertEquals("text/html", AppHttp.mediaTypeOf(r));
        assertTrue(r.body().contains("Trop de requêtes") && r.body().contains("Retry") == false, r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertNoProductNames(r);
    }
}
