package org.labourgraph.web;

import org.labourgraph.web.site.Responses;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.history.Revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: Memento (RFC 7089, pattern 1.1 of §4.1: the original resource is its own TimeGate), header by header as
 * in the RFC's examples: the TimeGate's 302, the memento's Memento-Datetime and Link, the TimeMap.
 */
class MementoTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final String DOC = "/doc/concept/task-fragmentation";
    static final String IRI = "https://w3id.org/labourgraph/id/concept/task-fragmentation";
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    /** The three mementos of the resource: the first load, then two curators' edits, each in a later second. */
    static Revision loaded;
    static Revision edited;
    static Revision editedAgain;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
        loaded = server.store.history().revision(1).orElseThrow();
        edited = edit("\"morcellement des tâches\"@fr");
        editedAgain = edit("\"task splitting\"@en");
    }

    /** A curator's edit of the resource, made in a later second than the newest revision (HTTP dates count seconds). */
    static Revision edit(String altLabel) throws Exception {
        long newest = server.store.history().revisions().get((int) server.store.history().head() - 1).time().getEpochSecond();
        while (Instant.now().getEpochSecond() <= newest) {
            Thread.onSpinWait();
        }
        HttpResponse<String> r = AppHttp.send(server.server, "PATCH", DOC.substring(1), "application/rdf-patch",
                "TX .\nA <" + IRI + "> <http://www.w3.org/2004/02/skos/core#altLabel> " + altLabel
                        + " <https://w3id.org/labourgraph/graph/concepts> .\nTC .\n", AppHttp.basic("ada", "s3cret-pass"));
        assertEquals(200, r.statusCode(), r.body());
        return server.store.history().revision(server.store.history().head()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> at(String path, Instant when) throws Exception {
        return server.get(path.substring(1), "Accept-Datetime", HTTP_DATE.format(when), "Accept", "text/turtle");
    }

    /** A Link header as target → its parameters (rel, type, datetime …). */
    static Map<String, Map<String, String>> links(String header) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String link : header.split(",\\s*(?=<)")) {
            String target = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            Map<String, String> params = out.computeIfAbsent(target, t -> new LinkedHashMap<>());
            for (String p : link.substring(link.indexOf('>') + 1).split(";")) {
                String[] kv = p.strip().split("=", 2);
                if (kv.length == 2) {
                    String value = kv[1].replaceAll("^\"|\"$", "");
                    params.merge(kv[0], value, (a, b) -> a + " " + b);
                }
            }
        }
        return out;
    }

    static String rev(Revision r) {
        return DOC + "?rev=" + r.number();
    }

    @Test
    void the_timegate_answers_302_to_the_memento_in_force_at_the_date_asked() throws Exception {
        // RFC 7089 §4.1.1: 302, Vary: accept-datetime, Location: the memento, Link: original timegate, timemap.
        HttpResponse<String> r = at(DOC, edited.time().plusMillis(1));
        assertEquals(302, r.statusCode());
        assertEquals("accept-datetime", r.headers().firstValue("Vary").orElse(""));
        assertEquals(rev(edited), r.headers().firstValue("Location").orElse(""));
        Map<String, Map<String, String>> links = links(r.headers().firstValue("Link").orElseThrow());
        assertEquals("original timegate", links.get(DOC).get("rel"));
        assertEquals("timemap", links.get("/timemap/concept/task-fragmentation").get("rel"));
        assertEquals("application/link-format", links.get("/timemap/concept/task-fragmentation").get("type"));
        assertEquals(HTTP_DATE.format(loaded.time()), links.get("/timemap/concept/task-fragmentation").get("from"));
        assertEquals(HTTP_DATE.format(editedAgain.time()), links.get("/timemap/concept/task-fragmentation").get("until"));
    }

    @Test
    void each_date_finds_the_revision_then_in_force() throws Exception {
        assertEquals(rev(loaded), at(DOC, edited.time().minusSeconds(1)).headers().firstValue("Location").orElse(""));
        assertEquals(rev(editedAgain), at(DOC, Instant.now().plusSeconds(3600)).headers().firstValue("Location").orElse(""));
        assertEquals(rev(loaded), at(DOC, Instant.parse("2001-09-11T20:36:10Z")).headers().firstValue("Location").orElse(""),
                "before the first memento: the first (RFC 7089 §4.5.3 lets the TimeGate choose the nearest)");
        // A memento's own datetime, as the TimeMap gives it (to the second), leads back to it.
        assertEquals(rev(edited), at(DOC, edited.time()).headers().firstValue("Location").orElse(""));
    }

    @Test
    void following_the_redirect_gives_the_resource_as_it_stood_then() throws Exception {
        String then = server.get(at(DOC, edited.time()).headers().firstValue("Location").orElseThrow().substring(1),
                "Accept", "text/turtle").body();
        assertTrue(then.contains("morcellement des tâches"), then);
        assertFalse(then.contains("task splitting"), then);
        String first = server.get(rev(loaded).substring(1), "Accept", "text/turtle").body();
        assertFalse(first.contains("morcellement des tâches"), first);
    }

    @Test
    void the_memento_carries_its_datetime_and_links_to_its_neighbours() throws Exception {
        // RFC 7089 §4.1.2: Memento-Datetime; Link: original, timegate, timemap, first/last/prev/next memento with datetime.
        HttpResponse<String> r = server.get(rev(edited).substring(1), "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertEquals(HTTP_DATE.format(edited.time()), r.headers().firstValue("Memento-Datetime").orElse(""));
        Map<String, Map<String, String>> links = links(r.headers().firstValue("Link").orElseThrow());
        assertTrue(links.get(DOC).get("rel").contains("original"), links.toString());
        assertTrue(links.get(DOC).get("rel").contains("timegate"), links.toString());
        assertEquals("timemap", links.get("/timemap/concept/task-fragmentation").get("rel"));
        assertEquals("first prev memento", links.get(rev(loaded)).get("rel"));
        assertEquals(HTTP_DATE.format(loaded.time()), links.get(rev(loaded)).get("datetime"));
        assertEquals("last next memento", links.get(rev(editedAgain)).get("rel"));
        assertEquals(HTTP_DATE.format(editedAgain.time()), links.get(rev(editedAgain)).get("datetime"));
    }

    @Test
    void a_memento_served_again_from_the_page_cache_keeps_its_memento_headers() throws Exception {
        String path = rev(loaded).substring(1);
        HttpResponse<String> first = server.get(path, "Accept", "application/n-triples");
        HttpResponse<String> again = server.get(path, "Accept", "application/n-triples");
        assertEquals("hit", again.headers().firstValue(Responses.CACHE_HEADER).orElse(""), "the second answer is the kept one");
        assertEquals(HTTP_DATE.format(loaded.time()), first.headers().firstValue("Memento-Datetime").orElse(""));
        assertEquals(first.headers().firstValue("Memento-Datetime"), again.headers().firstValue("Memento-Datetime"));
        assertEquals(first.headers().allValues("Link"), again.headers().allValues("Link"));
    }

    @Test
    void the_first_memento_has_no_prev_and_the_last_no_next() throws Exception {
        Map<String, Map<String, String>> first = links(server.get(rev(loaded).substring(1), "Accept", "text/turtle")
                .headers().firstValue("Link").orElseThrow());
        assertFalse(first.toString().contains("prev"), first.toString());
        assertEquals("first memento", first.get(rev(loaded)).get("rel"));
        assertEquals("next memento", first.get(rev(edited)).get("rel"));
        Map<String, Map<String, String>> last = links(server.get(rev(editedAgain).substring(1), "Accept", "text/turtle")
                .headers().firstValue("Link").orElseThrow());
        assertFalse(last.toString().contains("next"), last.toString());
        assertEquals("prev memento", last.get(rev(edited)).get("rel"));
    }

    @Test
    void the_original_says_it_is_its_own_timegate() throws Exception {
        HttpResponse<String> r = server.get(DOC.substring(1), "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Vary").orElse("").toLowerCase(Locale.ROOT).contains("accept-datetime"));
        Map<String, Map<String, String>> links = links(r.headers().firstValue("Link").orElseThrow());
        assertEquals("original timegate", links.get(DOC).get("rel"));
        assertEquals("timemap", links.get("/timemap/concept/task-fragmentation").get("rel"));
    }

    @Test
    void the_thing_itself_redirects_to_the_memento_of_its_document() throws Exception {
        HttpResponse<String> r = at("/id/concept/task-fragmentation", edited.time());
        assertEquals(302, r.statusCode());
        assertEquals(rev(edited), r.headers().firstValue("Location").orElse(""));
        assertEquals("accept-datetime", r.headers().firstValue("Vary").orElse(""));
        assertEquals(303, server.get("id/concept/task-fragmentation").statusCode(), "without Accept-Datetime: as before");
    }

    @Test
    void the_timemap_lists_every_memento_in_link_format() throws Exception {
        // RFC 7089 §5.1: original, self (from, until), timegate, then the mementos with their datetimes.
        HttpResponse<String> r = server.get("timemap/concept/task-fragmentation");
        assertEquals(200, r.statusCode());
        assertEquals("application/link-format", AppHttp.mediaTypeOf(r));
        String origin = server.server.baseUrl().replaceAll("/$", "");
        Map<String, Map<String, String>> links = links(r.body().strip());
        List<String> targets = new ArrayList<>(links.keySet());
        assertEquals(List.of(origin + DOC, origin + "/timemap/concept/task-fragmentation", origin + rev(loaded), origin + rev(edited),
                origin + rev(editedAgain)), targets);
        assertEquals("original timegate", links.get(origin + DOC).get("rel"));
        assertEquals("self", links.get(origin + "/timemap/concept/task-fragmentation").get("rel"));
        assertEquals(HTTP_DATE.format(loaded.time()), links.get(origin + "/timemap/concept/task-fragmentation").get("from"));
        assertEquals("first memento", links.get(origin + rev(loaded)).get("rel"));
        assertEquals("memento", links.get(origin + rev(edited)).get("rel"));
        assertEquals(HTTP_DATE.format(edited.time()), links.get(origin + rev(edited)).get("datetime"));
        assertEquals("last memento", links.get(origin + rev(editedAgain)).get("rel"));
    }

    @Test
    void the_timemap_in_json() throws Exception {
        HttpResponse<String> r = server.get("timemap/concept/task-fragmentation", "Accept", "application/json");
        JsonObject map = JSON.parse(r.body());
        String origin = server.server.baseUrl().replaceAll("/$", "");
        assertEquals(origin + DOC, map.get("original_uri").getAsString().value());
        assertEquals(3, map.get("mementos").getAsObject().get("list").getAsArray().size());
        assertEquals(origin + rev(editedAgain),
                map.get("mementos").getAsObject().get("last").getAsObject().get("uri").getAsString().value());
    }

    @Test
    void a_malformed_date_is_a_400_and_an_unknown_resource_has_no_timemap() throws Exception {
        HttpResponse<String> bad = server.get(DOC.substring(1), "Accept-Datetime", "yesterday at noon");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Accept-Datetime"), bad.body());
        assertEquals(404, server.get("timemap/concept/no-such-concept").statusCode());
    }
}
