package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile data renders inert: a label with markup is text, an IRI with a {@code javascript:} (or other
 * non-http) scheme is never a link, whether it is a value, a linked resource or a search hit.
 */
class EscapingTest {
    static TestServer server;
    static final String XSS = "https://w3id.org/labourgraph/id/concept/xss";
    static final String SCRIPT = "<script>alert(1)</script>";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        Graph g = GraphFactory.createDefaultGraph();
        Node c = NodeFactory.createURI(XSS);
        g.add(Triple.create(c, RDF.type.asNode(), SKOS.Concept.asNode()));
        g.add(Triple.create(c, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(SCRIPT + " \"quoted\" & 'single'", "en")));
        g.add(Triple.create(c, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("<img src=x onerror=alert(2)>", "fr")));
        g.add(Triple.create(c, SKOS.definition.asNode(), NodeFactory.createLiteralLang("</script><script>alert(3)</script>", "en")));
        Node js = NodeFactory.createURI("javascript:alert(4)");
        g.add(Triple.create(c, SKOS.related.asNode(), js));
        g.add(Triple.create(js, RDFS.label.asNode(), NodeFactory.createLiteralLang("click me", "en")));
        g.add(Triple.create(c, NodeFactory.createURI("https://schema.org/url"), NodeFactory.createURI("JavaScript:alert(5)")));
        g.add(Triple.create(c, SKOS.broader.asNode(), NodeFactory.createURI("data:text/html,<script>alert(6)</script>")));
        g.add(Triple.create(c, SKOS.inScheme.asNode(), NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/scheme")));
        server.store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/xss-fixture", g), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assertInert(String html) {
        assertFalse(html.contains("<script>alert"), "no live script element");
        assertFalse(html.contains("<img src=x"), "no live image element");
        assertFalse(html.toLowerCase().contains("href=\"javascript:"), "no javascript: link");
        assertFalse(html.contains("href=\"data:"), "no data: link");
        assertFalse(html.contains("onerror=alert(2)>"), "no live attribute");
    }

    @Test
    void a_label_with_markup_and_a_javascript_iri_render_inert_on_the_page() throws Exception {
        var r = server.get("doc/concept/xss?lang=en");
        assertEquals(200, r.statusCode());
        assertInert(r.body());
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the label is shown as text");
        assertTrue(r.body().contains("javascript:alert(4)") || r.body().contains("click me"), "the value is still shown, as text");
        assertInert(server.get("doc/concept/xss?lang=fr").body());
    }

    @Test
    void the_embedded_json_ld_cannot_close_its_script_element() throws Exception {
        String html = server.get("doc/concept/xss?lang=en").body();
        String jsonLd = html.substring(html.indexOf("application/ld+json\">"), html.indexOf("</script>", html.indexOf("application/ld+json\">")));
        assertFalse(jsonLd.contains("<"), "no markup inside the JSON-LD block");
    }

    @Test
    void hierarchy_index_and_map_show_the_label_as_text() throws Exception {
        for (String path : new String[] {"hierarchy?lang=en", "index?lang=en", "map?lang=en", "doc/concept/scheme?lang=en"}) {
            String html = server.get(path).body();
            assertInert(html);
        }
    }
}
