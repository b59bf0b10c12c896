package org.labourgraph.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.sparql.IndexLetters;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page kind costs at most three SPARQL queries on a generated thesaurus of about 10^5 triples (the bench
 * generator, seed 7) — a count, never a timing, and the count the page reports is what Jena executed for it
 * ({@link CountingQueryEngine}) — and the whole-scheme pages stay bounded: the hierarchy shows
 * the top levels with links to branches, the A–Z index one letter a page of at most 200 labels, a concept with
 * thousands of incoming links one page of them.
 */
@Tag("slow")
class GeneratedGraphPageQueriesTest {
    private static final ThesaurusGenerator GENERATOR = ThesaurusGenerator.forTriples(100_000, 7);
    /** A concept given thousands of incoming links on top of the generated ones. */
    private static final String HUB = GENERATOR.conceptIri(3);
    private static final int HUB_LINKS = 3000;
    private static TestServer server;

    @BeforeAll
    static void start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GENERATOR.write(out, n -> { });
        Graph graph = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(graph, new ByteArrayInputStream(out.toByteArray()), Lang.NTRIPLES);
        for (int i = 0; i < HUB_LINKS; i++) {
            graph.add(Triple.create(NodeFactory.createURI("https://w3id.org/labourgraph/id/work/hub-citing-" + i),
                    DCTerms.subject.asNode(), NodeFactory.createURI(HUB)));
        }
        assertTrue(graph.size() > 95_000, "generated " + graph.size() + " triples");
        // A generous timeout: the dataset description computed at start-up (VoID counts over every triple) outlasts the
        // default 10 s on a loaded 2-core machine; this test counts queries, it does not time them.
        server = TestServer.start(store -> store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/generated", graph), false),
                s -> s.withQueryTimeout(Duration.ofSeconds(120)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path(String iri) {
        return iri.replace("https://w3id.org/labourgraph/id/", "doc/");
    }

    static String[] pages() {
        return new String[] {"", path(GENERATOR.conceptIri(0)), path(GENERATOR.conceptIri(1)), path(GENERATOR.conceptIri(4000)),
            path(HUB), path(HUB) + ".ttl", path(GENERATOR.personIri(0)), path(GENERATOR.workIri(0)),
            "search?q=" + TestServer.enc(GENERATOR.conceptLabelFr(10)), "api/search?q=" + TestServer.enc(GENERATOR.conceptLabelFr(10)),
            "hierarchy", "index", "map", "ontology", "ontology.ttl"};
    }

    /** The page, rendered afresh (not from the cache), after checking it answers 200. */
    private static HttpResponse<String> fresh(String path) throws Exception {
        return fresh(path, "Cache-Control", "no-cache");
    }

    private static HttpResponse<String> fresh(String path, String... headers) throws Exception {
        HttpResponse<String> r = server.get(path, headers);
        assertEquals(200, r.statusCode(), path);
        return r;
    }

    private static int queries(HttpResponse<String> r) {
        return Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
    }

    @ParameterizedTest(name = "{0} costs at most 3 queries, as many as Jena executed")
    @MethodSource("pages")
    void every_page_kind_costs_at_most_three_queries(String path) throws Exception {
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        long executed = CountingQueryEngine.install().executionsDuring(() -> response.set(fresh(path)));
        int n = queries(response.get());
        assertEquals(executed, n, path + ": reports " + n + " queries, Jena executed " + executed);
        // The A–Z index reads all labels of a language once per change (sparql/AlphabeticalIndex): 0 once read.
        int least = path.startsWith("index") ? 0 : 1;
        assertTrue(n >= least && n <= 3, path + " ran " + n + " queries");
    }

    @Test
    void the_whole_index_costs_at_most_one_query_and_at_most_200_labels_a_page_with_stable_links_to_the_next() throws Exception {
        int paged = 0;
        int queries = 0;
        for (String letter : IndexLetters.ALL) {
            HttpResponse<String> r = fresh("index?lang=fr&letter=" + TestServer.enc(letter));
            queries += queries(r);
            assertTrue(r.body().split("<li lang=").length - 1 <= 200, letter);
            Matcher next = Pattern.compile("rel=\"next\" href=\"/([^\"]+)\"").matcher(r.body());
            if (next.find()) {
                paged++;
                // as a browser follows it: the language remembered in the cookie the first page set
                HttpResponse<String> second = fresh(next.group(1).replace("&amp;", "&"), "Cache-Control", "no-cache", "Cookie", "lang=fr");
                queries += queries(second);
                assertTrue(second.body().contains("rel=\"prev\""), "page 2 links back");
            }
        }
        assertTrue(queries <= 1, "every letter and page of the French index together ran " + queries + " queries");
        assertTrue(paged > 0, "some letter of " + GENERATOR.concepts() + " concepts needs more than one page");
    }

    @Test
    void the_hierarchy_shows_the_top_levels_and_links_to_branches_that_show_the_rest() throws Exception {
        String top = fresh("hierarchy?lang=en").body();
        int shown = top.split("<li").length - 1;
        assertTrue(shown < GENERATOR.concepts() / 4, shown + " nodes shown of " + GENERATOR.concepts());
        Matcher branch = Pattern.compile("href=\"/(hierarchy\\?branch=[^\"]+)\"").matcher(top);
        assertTrue(branch.find(), "a concept cut short links to its branch");
        HttpResponse<String> below = fresh(branch.group(1));
        assertTrue(queries(below) <= 3);
        assertTrue(below.body().contains("href=\"/hierarchy\""), "and back to the top");
        assertEquals(404, server.get("hierarchy?branch=" + TestServer.enc("https://example.org/no-concept")).statusCode());
    }

    @Test
    void a_concept_with_thousands_of_incoming_links_shows_one_page_of_them() throws Exception {
        String html = fresh(path(HUB) + "?lang=en").body();
        int listed = html.split("/doc/work/hub-citing-").length - 1;
        assertTrue(listed > 0 && listed <= 2 * 20, listed + " links listed of " + HUB_LINKS);
        assertTrue(html.contains("after="), "with a link to the next page");
    }
}
