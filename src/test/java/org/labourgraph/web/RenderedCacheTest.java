package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repeated requests for public pages are answered from the rendered cache without a query, and never with
 * another variant's, another language's, another visitor's or an older version's representation. The tests that
 * write to the store start a server of their own; the others share one, only read, and each fills the cache
 * itself before it expects a hit, so their order does not matter.
 */
class RenderedCacheTest extends ServerTest {
    private static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";

    private static String queries(HttpResponse<?> r) {
        return r.headers().firstValue(Responses.QUERY_COUNT).orElse("none");
    }

    private static Optional<String> cache(HttpResponse<?> r) {
        return r.headers().firstValue(Responses.CACHE_HEADER);
    }

    @ParameterizedTest(name = "{0}: the second identical request costs no query")
    @ValueSource(strings = {"", "doc/concept/click-work", "doc/person/jonathan-durand-folco", "doc/work/ghost-work",
            "doc/concept/click-work.ttl", "doc/concept/click-work.jsonld", "hierarchy", "index?letter=T", "map",
            "search?q=travail+fantome", "api/search?q=ghost", "doc/concept/no-such-thing"})
    void the_second_identical_request_costs_no_query(String path) throws Exception {
        HttpResponse<String> first = server.get(path, "Cache-Control", "no-cache");
        if (!path.startsWith("index")) { // the A–Z index is read once per change (AlphabeticalIndexTest): may cost 0
            assertNotEquals("0", queries(first), path + ": a fresh render runs its queries");
        }
        HttpResponse<String> second = server.get(path);
        assertEquals("0", queries(second), path);
        assertEquals(Optional.of("hit"), cache(second), path);
        assertEquals(first.statusCode(), second.statusCode());
        assertEquals(first.body(), second.body());
        for (String h : List.of("Content-Type", "ETag", "Vary", "Link", "Content-Security-Policy")) {
            assertEquals(first.headers().allValues(h), second.headers().allValues(h), path + " header " + h);
        }
    }

    @Test
    void a_committed_change_shows_on_the_next_request() throws Exception {
        try (TestServer own = TestServer.start()) { // it writes: a store of its own
            String path = "doc/concept/ghost-work?lang=en";
            own.get(path);
            assertEquals(Optional.of("hit"), cache(own.get(path)));
            Graph g = GraphFactory.createDefaultGraph();
            g.add(Triple.create(NodeFactory.createURI(GHOST_WORK), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                    NodeFactory.createLiteralLang("invisible assembly line", "en")));
            own.store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/cache-test", g), false);
            HttpResponse<String> after = own.get(path);
            assertEquals(Optional.of("miss"), cache(after));
            assertEquals("1", queries(after), "one query describes the resource");
            assertTrue(after.body().contains("invisible assembly line"), "the page shows the committed label");
            assertEquals("0", queries(own.get(path)), "and is kept again");
        }
    }

    @Test
    void an_edit_leaves_valid_the_cached_pages_it_did_not_touch() throws Exception {
        try (TestServer own = TestServer.start()) { // it writes: a store of its own
            String neighbour = "doc/" + linkingTo(own, GHOST_WORK).substring(LG_ID.length()) + "?lang=en";
            String touched = "doc/concept/ghost-work.ttl";
            String untouched = "doc/place/kenya?lang=en";
            for (String path : List.of(neighbour, touched, untouched, "hierarchy?lang=en")) {
                own.get(path);
                assertEquals(Optional.of("hit"), cache(own.get(path)), path + " is cached before the edit");
            }
            var ds = own.store.dataset();
            var prefLabel = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");
            var english = org.apache.jena.system.Txn.calculateRead(ds, () -> ds.stream(org.apache.jena.graph.Node.ANY,
                    NodeFactory.createURI(GHOST_WORK), prefLabel, org.apache.jena.graph.Node.ANY)
                    .filter(q -> q.getObject().getLiteralLanguage().equals("en")).findFirst().orElseThrow());
            var renamed = new org.apache.jena.sparql.core.Quad(english.getGraph(), english.getSubject(), prefLabel,
                    NodeFactory.createLiteralLang("unseen work", "en"));
            org.apache.jena.system.Txn.executeWrite(ds, () -> {
                ds.delete(english);
                ds.add(renamed);
            });
            assertEquals(Optional.of("hit"), cache(own.get(untouched)), "a page the edit did not touch stays cached");
            HttpResponse<String> edited = own.get(touched);
            assertEquals(Optional.of("miss"), cache(edited), "the edited resource's document is rendered again");
            assertTrue(edited.body().contains("unseen work"));
            HttpResponse<String> linked = own.get(neighbour);
            assertEquals(Optional.of("miss"), cache(linked), "a page showing the edited resource's label is rendered again");
            assertTrue(linked.body().contains("unseen work"), "and shows the new label");
            assertEquals(Optional.of("miss"), cache(own.get("hierarchy?lang=en")), "pages made from the whole store follow any change");
        }
    }

    private static final String LG_ID = "https://w3id.org/labourgraph/id/";

    /** A project resource stated as linking to {@code iri} (its page shows the label of {@code iri}). */
    private static String linkingTo(TestServer in, String iri) {
        var ds = in.store.dataset();
        return org.apache.jena.system.Txn.calculateRead(ds, () -> {
            var it = ds.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                    NodeFactory.createURI(iri));
            while (it.hasNext()) {
                var q = it.next();
                if (!q.getGraph().getURI().endsWith("/entailments") && q.getSubject().isURI()
                        && q.getSubject().getURI().startsWith(LG_ID) && !q.getSubject().getURI().equals(iri)) {
                    return q.getSubject().getURI();
                }
            }
            throw new AssertionError("no resource links to " + iri);
        });
    }

    @Test
    void variants_never_mix() throws Exception {
        String path = "doc/concept/data-labelling";
        HttpResponse<String> turtle = server.get(path, "Accept", "text/turtle");
        HttpResponse<String> html = server.get(path, "Accept", "text/html");
        HttpResponse<String> turtleAgain = server.get(path, "Accept", "text/turtle");
        assertTrue(turtle.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals(Optional.of("hit"), cache(turtleAgain));
        assertTrue(turtleAgain.headers().firstValue("Content-Type").orElseThrow().startsWith("text/turtle"));
        assertEquals(turtle.body(), turtleAgain.body());
        assertNotEquals(turtle.headers().firstValue("ETag"), html.headers().firstValue("ETag"));
    }

    @Test
    void languages_never_mix_whether_asked_by_parameter_cookie_or_header() throws Exception {
        String path = "doc/concept/micro-work";
        server.get(path, "Accept-Language", "fr");
        HttpResponse<String> en = server.get(path, "Accept-Language", "en");
        HttpResponse<String> fr = server.get(path, "Cookie", "lang=fr");
        assertEquals(Optional.of("hit"), cache(fr), "same language as the first request, by another means");
        assertTrue(fr.body().contains("<html lang=\"fr\">"));
        assertTrue(en.body().contains("<html lang=\"en\">"));
        HttpResponse<String> byParam = server.get(path + "?lang=en");
        assertTrue(byParam.body().contains("<html lang=\"en\">"));
    }

    @Test
    void a_hit_for_lang_parameter_still_remembers_the_language() throws Exception {
        server.get("hierarchy?lang=fr");
        HttpResponse<String> again = server.get("hierarchy?lang=fr");
        assertEquals(Optional.of("hit"), cache(again));
        assertTrue(again.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lang=fr")));
        HttpResponse<String> plain = server.get("hierarchy");
        assertTrue(plain.headers().allValues("Set-Cookie").isEmpty(), "no cookie without ?lang=");
    }

    @Test
    void a_hit_answers_revalidation_with_304() throws Exception {
        String path = "doc/concept/click-work.nt";
        String etag = server.get(path).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = server.get(path, "If-None-Match", etag);
        assertEquals(304, r.statusCode());
        assertEquals("0", queries(r));
        assertEquals("", r.body());
        HttpResponse<String> other = server.get(path, "If-None-Match", "\"something-else\"");
        assertEquals(200, other.statusCode());
        assertFalse(other.body().isEmpty());
    }

    @Test
    void requests_with_credentials_are_never_served_from_nor_stored_in_the_cache() throws Exception {
        String path = "doc/concept/ghost-work.ttl";
        server.get(path);
        for (String[] credentials : List.of(new String[] {"Authorization", TestServer.basic("ada", "secret")},
                new String[] {"Cookie", "JSESSIONID=abc"})) {
            HttpResponse<String> r = server.get(path, credentials);
            assertEquals(Optional.empty(), cache(r), credentials[0]);
            assertNotEquals("0", queries(r), credentials[0]);
        }
    }

    @Test
    void only_public_pages_are_kept() throws Exception {
        HttpResponse<String> curator = server.get("curator/notes");
        assertEquals(Optional.empty(), cache(curator));
        HttpResponse<String> sparql = server.get("sparql?query=" + TestServer.enc("ASK {}"));
        assertEquals(Optional.empty(), cache(sparql));
        HttpResponse<String> badSearch = server.get("api/search?q=x&limit=9999");
        assertEquals(400, badSearch.statusCode());
        assertEquals(400, server.get("api/search?q=x&limit=9999").statusCode());
        assertEquals(Optional.of("miss"), cache(server.get("api/search?q=x&limit=9999")), "errors are not kept");
    }

    @Test
    void sixteen_clients_asking_at_once_for_the_same_page_cost_one_render() throws Exception {
        String path = "doc/concept/ghost-work?lang=fr&at-once=" + System.nanoTime();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return server.get(path);
                }));
            }
            go.countDown();
            int misses = 0;
            String body = null;
            for (var answer : answers) {
                HttpResponse<String> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, r.statusCode());
                misses += cache(r).equals(Optional.of("miss")) ? 1 : 0;
                if (body != null) {
                    assertEquals(body, r.body(), "every client gets the same page");
                }
                body = r.body();
            }
            assertEquals(1, misses, "one request rendered; the fifteen others were served what it stored");
        } finally {
            clients.shutdownNow();
        }
    }
}
