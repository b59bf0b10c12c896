package org.labourgraph.web.interop;

import org.labourgraph.web.ServerTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.labourgraph.web.TestServer;

/** Triple Pattern Fragments: hydra controls, counts, paging, conneg. */
class FragmentsTest extends ServerTest {
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

    static DatasetGraph trig(String pathAndQuery) throws Exception {
        HttpResponse<String> r = server.get(pathAndQuery, "Accept", "application/trig");
        assertEquals(200, r.statusCode(), r.body());
        return RDFParser.create().source(new StringReader(r.body())).lang(Lang.TRIG).toDatasetGraph();
    }

    static long sparqlCount(String where) throws Exception {
        String json = server.query("SELECT (COUNT(*) AS ?n) WHERE { " + where + " }", "application/sparql-results+json").body();
        return ReconcileSchemas.JSON.readTree(json).get("results").get("bindings").get(0).get("n").get("value").asLong();
    }

    @Test
    void a_fragment_holds_the_matches_and_its_count_equals_the_endpoint_count() throws Exception {
        String p = "http://www.w3.org/2004/02/skos/core#prefLabel";
        String url = "fragments?predicate=" + TestServer.enc(p);
        DatasetGraph d = trig(url);
        long expected = sparqlCount("?s <" + p + "> ?o");
        assertEquals(Math.min(expected, FragmentsServlet.PAGE_SIZE), d.getDefaultGraph().size());
        Node fragment = NodeFactory.createURI(server.server.baseUrl() + url);
        Node count = d.getUnionGraph().find(fragment, NodeFactory.createURI("http://rdfs.org/ns/void#triples"), Node.ANY).next().getObject();
        assertEquals(expected, ((Number) count.getLiteralValue()).longValue());
        assertTrue(d.getUnionGraph().contains(Node.ANY, NodeFactory.createURI(HYDRA + "template"), Node.ANY), "hydra search template");
    }

    @Test
    void pages_follow_hydra_next_links_until_every_triple_was_seen() throws Exception {
        long expected = sparqlCount("?s ?p ?o");
        long seen = 0;
        String next = "fragments";
        int pages = 0;
        while (next != null && pages < 1000) {
            DatasetGraph d = trig(next);
            seen += d.getDefaultGraph().size();
            pages++;
            var it = d.getUnionGraph().find(Node.ANY, NodeFactory.createURI(HYDRA + "next"), Node.ANY);
            next = it.hasNext() ? it.next().getObject().getURI().substring(server.server.baseUrl().length()) : null;
        }
        assertEquals(expected, seen);
        assertTrue(pages > 1, "the data spans several pages");
    }

    @Test
    void fragments_are_served_as_turtle_and_json_ld_by_content_negotiation_and_allow_cors() throws Exception {
        for (String type : new String[] {"text/turtle", "application/ld+json", "application/n-quads"}) {
            HttpResponse<String> r = server.get("fragments?subject=" + TestServer.enc("https://w3id.org/labourgraph/id/concept/ghost-work"),
                    "Accept", type, "Origin", "https://example.org");
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
        assertEquals(400, server.get("fragments?subject=" + TestServer.enc("\"a literal\"")).statusCode());
    }
}
