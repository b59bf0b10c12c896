package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The A–Z index of a language is read in one query and kept until the data changes: its other letters and pages cost
 * no query, and a committed change is in the index on the next request.
 */
class AlphabeticalIndexTest extends ServerTest {
    private static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";

    private static int queries(HttpResponse<String> r) {
        return Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
    }

    /** Rendered afresh (never from the rendered cache), so the count is the index's own. */
    private static HttpResponse<String> fresh(String path) throws Exception {
        return fresh(server, path);
    }

    private static HttpResponse<String> fresh(TestServer in, String path) throws Exception {
        HttpResponse<String> r = in.get(path, "Cache-Control", "no-cache");
        assertEquals(200, r.statusCode(), path);
        return r;
    }

    @Test
    void once_read_every_letter_of_the_language_costs_no_query() throws Exception {
        fresh("index?lang=en&letter=A");
        for (String letter : new String[] {"B", "C", "G", "T", "Z", "#"}) {
            assertEquals(0, queries(fresh("index?lang=en&letter=" + TestServer.enc(letter))), letter);
        }
        assertTrue(fresh("index?lang=en&letter=G").body().contains(">ghost work</a>"));
    }

    @Test
    void a_committed_label_is_in_the_index_on_the_next_request() throws Exception {
        try (TestServer own = TestServer.start()) { // it writes: a store of its own, so the other test never sees the label
            assertFalse(fresh(own, "index?lang=en&letter=Q").body().contains("quiet ghost labour"));
            Graph g = GraphFactory.createDefaultGraph();
            g.add(Triple.create(NodeFactory.createURI(GHOST_WORK), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                    NodeFactory.createLiteralLang("Quiet ghost labour", "en")));
            own.store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/index-test", g), false);
            // The change made the kept index stale: read again (by this request, or by the read started with the server).
            HttpResponse<String> after = fresh(own, "index?lang=en&letter=Q");
            assertTrue(after.body().contains("<span class=\"alt\">Quiet ghost labour</span> → <a href=\"/doc/concept/ghost-work\">ghost work</a>"),
                    "the new alternative label leads to its concept");
            assertEquals(0, queries(fresh(own, "index?lang=en&letter=Q")), "and is kept again");
        }
    }
}
