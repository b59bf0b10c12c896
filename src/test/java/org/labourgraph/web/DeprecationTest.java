package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.render.Ui;

/**
 * Issue 21: a curator retires a concept with an ordinary authenticated write (owl:deprecated true, dcterms:isReplacedBy
 * its successor). Its IRI keeps resolving — the page says so and links the successor, RDF carries both — and it leaves
 * the hierarchy, the A–Z index, search suggestions and reconciliation candidates (which answer with the successor).
 */
class DeprecationTest {
    static final String ADA = AppHttp.basic("ada", "s3cret-pass");
    static final String CONCEPTS = "https://w3id.org/labourgraph/graph/concepts";
    static final String SCHEME = "https://w3id.org/labourgraph/id/concept/scheme";
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";
    /** Made by this test, so that it does not depend on which shipped concepts are retired. */
    static final String RETIRED = "https://w3id.org/labourgraph/id/concept/crowd-tasking";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String DEPRECATED = "http://www.w3.org/2002/07/owl#deprecated";
    static final String REPLACED_BY = "http://purl.org/dc/terms/isReplacedBy";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
        HttpResponse<String> made = update("INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + RETIRED + "> a <" + SKOS + "Concept> ;"
                + " <" + SKOS + "prefLabel> \"tâcheronnage de foule\"@fr, \"crowd tasking\"@en ; <" + SKOS + "inScheme> <" + SCHEME + "> ;"
                + " <" + SKOS + "definition> \"Tâches confiées à une foule en ligne (concept d'essai).\"@fr,"
                + " \"Tasks handed out to an online crowd (a test concept).\"@en ;"
                + " <http://purl.org/dc/terms/source> <https://w3id.org/labourgraph/id/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E> ;"
                + " <" + SKOS + "broader> <" + GHOST_WORK + "> . <" + GHOST_WORK + "> <" + SKOS + "narrower> <" + RETIRED + "> } }");
        assertEquals(204, made.statusCode(), made.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> update(String sparql) throws Exception {
        return server.post("update", "application/sparql-update", sparql, "Authorization", ADA);
    }

    static String html(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    static String prefLabel(String iri, String lang) throws Exception {
        String body = server.query("SELECT ?l { <" + iri + "> <" + SKOS + "prefLabel> ?l FILTER(lang(?l) = \"" + lang + "\") }",
                "application/sparql-results+json").body();
        return JSON.parse(body).get("results").getAsObject().get("bindings").getAsArray().get(0).getAsObject()
                .get("l").getAsObject().get("value").getAsString().value();
    }

    static String reconcile(String text) throws Exception {
        return server.get("reconcile?queries=" + TestServer.enc("{\"q0\":{\"query\":\"" + text + "\"}}")).body();
    }

    /** Where a concept in use shows up; each check fails for a retired one. */
    static void assertListed(boolean expected) throws Exception {
        String path = "/doc/concept/crowd-tasking";
        assertEquals(expected, html("hierarchy?lang=en").contains(path), "hierarchy");
        assertEquals(expected, html("index?letter=C&lang=en").contains(path), "A–Z index");
        assertEquals(expected, server.get("api/search?q=" + TestServer.enc("crowd task") + "&lang=en").body().contains(RETIRED),
                "search suggestions");
        assertEquals(expected, reconcile("crowd tasking").contains(RETIRED), "reconciliation");
    }

    @Test
    void a_retired_concept_keeps_its_page_and_leaves_every_list() throws Exception {
        assertListed(true);
        // Retired in one change, as the shapes ask: out of the tree, marked deprecated, pointing to its successor.
        HttpResponse<String> retire = update("DELETE DATA { GRAPH <" + CONCEPTS + "> { <" + RETIRED + "> <" + SKOS + "broader> <"
                + GHOST_WORK + "> . <" + GHOST_WORK + "> <" + SKOS + "narrower> <" + RETIRED + "> } } ;"
                + " INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + RETIRED + "> <" + DEPRECATED + "> true ;"
                + " <" + REPLACED_BY + "> <" + GHOST_WORK + "> } }");
        assertEquals(204, retire.statusCode(), retire.body());
        assertListed(false);

        for (String lang : new String[] {"fr", "en"}) {
            String page = html("doc/concept/crowd-tasking?lang=" + lang);
            assertTrue(page.contains(Ui.of(lang).t("deprecated.notice")), page);
            assertTrue(page.contains("<a rel=\"successor-version\" href=\"/doc/concept/ghost-work\">" + prefLabel(GHOST_WORK, lang) + "</a>"),
                    "the successor is linked by its " + lang + " label: " + page);
        }
        HttpResponse<String> turtle = server.get("doc/concept/crowd-tasking", "Accept", "text/turtle");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(turtle.body())).lang(Lang.TURTLE).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(RETIRED), NodeFactory.createURI(DEPRECATED),
                NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)), turtle.body());
        assertTrue(g.contains(NodeFactory.createURI(RETIRED), NodeFactory.createURI(REPLACED_BY), NodeFactory.createURI(GHOST_WORK)));

        String answer = reconcile("crowd tasking");
        assertTrue(answer.contains("\"id\" : \"" + GHOST_WORK + "\""), "reconciling the retired name answers its successor: " + answer);
    }
}
