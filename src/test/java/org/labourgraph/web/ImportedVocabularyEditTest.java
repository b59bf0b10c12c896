package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vocabulary imported with problems the project's shapes see (here: a concept with no French label) stays
 * editable: an edit is refused only for the violations it introduces, and the refusal names only those.
 */
class ImportedVocabularyEditTest {
    private static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/imported-gig-work";
    private static final String ADA = AppHttp.basic("ada", "s3cret-pass");
    private static TestServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
        Graph imported = GraphFactory.createDefaultGraph();
        RDFParser.fromString("<" + CONCEPT + "> a <http://www.w3.org/2004/02/skos/core#Concept> ;"
                + " <http://www.w3.org/2004/02/skos/core#prefLabel> \"gig work\"@en .", Lang.TURTLE).parse(imported);
        server.store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/imported-vocabulary", imported), false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> patch(String patch) throws Exception {
        return server.send("PATCH", "doc/concept/imported-gig-work", "application/rdf-patch", patch,
                "Authorization", ADA, "Accept", "text/plain");
    }

    private long statements(String object) throws Exception {
        HttpResponse<String> r = server.query("SELECT (COUNT(*) AS ?n) WHERE { <" + CONCEPT + "> ?p " + object + " }",
                "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim());
    }

    @Test
    void an_edit_of_an_imported_concept_with_old_violations_is_accepted() throws Exception {
        HttpResponse<String> r = patch("TX .\nA <" + CONCEPT + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"gig labour\"@en .\nTC .\n");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, statements("\"gig labour\"@en"));
    }

    @Test
    void an_edit_that_adds_a_violation_is_refused_and_names_only_that_one() throws Exception {
        long head = server.store.history().head();
        HttpResponse<String> r = patch("TX .\nA <" + CONCEPT + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"gig work\"@en .\nTC .\n");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("The change was refused: 1 violation"), r.body());
        assertTrue(r.body().contains("repeats a skos:prefLabel"), r.body());
        assertFalse(r.body().contains("in French"), "the violation the concept already had is not the edit's: " + r.body());
        assertEquals(1, statements("\"gig work\"@en"), "only the prefLabel states the text");
        assertEquals(head, server.store.history().head(), "no revision was recorded");
    }

    @Test
    void an_edit_giving_a_concept_the_label_of_another_concept_is_refused_and_names_it() throws Exception {
        // Case and language differ: the check (a text-index look-up per label) compares labels ignoring both.
        HttpResponse<String> r = patch("TX .\nA <" + CONCEPT + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"Travail FANTÔME\"@de .\nTC .\n");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("is also a label of another concept"), r.body());
        assertTrue(r.body().contains("ghost-work"), "the other concept is named: " + r.body());
        assertEquals(0, statements("\"Travail FANTÔME\"@de"));
    }

    @Test
    void a_label_that_only_contains_another_concepts_label_is_accepted() throws Exception {
        HttpResponse<String> r = patch("TX .\nA <" + CONCEPT + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"ghost work on demand\"@en .\nTC .\n");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, statements("\"ghost work on demand\"@en"));
    }
}
