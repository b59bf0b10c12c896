package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With another base (--base), its IRIs resolve on this server at the same paths and link to each other locally. */
class ConfiguredBaseTest {
    static TestServer server;
    static final String BASE = "https://data.example.org/lab/";

    @BeforeAll
    static void start() {
        server = TestServer.start(s -> s.withBaseIri(BASE));
        Graph g = GraphFactory.createDefaultGraph();
        Node a = NodeFactory.createURI(BASE + "id/concept/a");
        Node b = NodeFactory.createURI(BASE + "id/concept/b");
        g.add(Triple.create(a, RDF.type.asNode(), SKOS.Concept.asNode()));
        g.add(Triple.create(a, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("concept A", "en")));
        g.add(Triple.create(b, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("concept B", "en")));
        g.add(Triple.create(a, SKOS.broader.asNode(), b));
        g.add(Triple.create(a, SKOS.related.asNode(), NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/ghost-work")));
        server.store.importGraphs(Map.of(BASE + "graph/fixture", g), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void iris_under_the_configured_base_resolve_here_and_link_here() throws Exception {
        var redirect = server.get("id/concept/a");
        assertEquals(303, redirect.statusCode());
        assertEquals("/doc/concept/a", redirect.headers().firstValue("Location").orElse(""));
        String html = server.get("doc/concept/a?lang=en").body();
        assertTrue(html.contains("<a href=\"/doc/concept/b\">concept B</a>"), "a minted IRI links on this server");
        assertTrue(html.contains("href=\"https://w3id.org/labourgraph/id/concept/ghost-work\""), "an IRI of another base links out");
        assertEquals(404, server.get("doc/concept/ghost-work").statusCode(), "the default base is not this server's");
    }
}
