package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.sparql.OntologyVersions;

/** Every version IRI the ontology states dereferences, in HTML and RDF, to that version's text; the current one is at /ontology. */
class OntologyVersionsTest {
    static final String BASE = "https://w3id.org/labourgraph/";
    static final String ONTOLOGY = BASE + "ontology";

    /** The version IRI stated in the shipped ontology/labourgraph.ttl. */
    static String shippedVersionIri() {
        Model m = RDFDataMgr.loadModel(ProjectPaths.root().resolve("ontology/labourgraph.ttl").toString());
        RDFNode v = m.getRequiredProperty(m.createResource(ONTOLOGY), OWL2.versionIRI).getObject();
        return v.asResource().getURI();
    }

    static Model turtle(String body) {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(body), null, "TTL");
        return m;
    }

    @Test
    void the_version_iri_of_the_shipped_ontology_answers_its_released_text_as_rdf_and_html() throws Exception {
        String versionIri = shippedVersionIri();
        assertTrue(versionIri.startsWith(ONTOLOGY + "/"), versionIri);
        String path = versionIri.substring(BASE.length());
        String version = versionIri.substring(ONTOLOGY.length() + 1);
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> ttl = server.get(path, "Accept", "text/turtle");
            assertEquals(200, ttl.statusCode(), ttl.body());
            assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
            Model served = turtle(ttl.body());
            Model released = RDFDataMgr.loadModel(ProjectPaths.root().resolve("ontology/versions/" + version + ".ttl").toString());
            assertTrue(served.isIsomorphicWith(released), "the served text is the released file's");
            assertTrue(served.contains(served.createResource(ONTOLOGY), OWL2.versionIRI, served.createResource(versionIri)));

            HttpResponse<String> html = server.get(path + "?lang=en", "Accept", "text/html");
            assertEquals(200, html.statusCode());
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(html.body().contains("The labourgraph ontology " + version), "the version in the title");
            assertTrue(html.body().contains("<code>" + versionIri + "</code>"));
            assertTrue(html.body().contains("id=\"LabourForm\""), "the terms of that version");

            HttpResponse<String> ext = server.get(path + ".jsonld");
            assertEquals(200, ext.statusCode());
            assertTrue(ext.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));

            HttpResponse<String> current = server.get("ontology", "Accept", "text/turtle");
            assertEquals(200, current.statusCode());
            assertTrue(turtle(current.body()).contains(null, OWL2.versionIRI, served.createResource(versionIri)),
                    "the current ontology names the version it is");
        }
    }

    @Test
    void an_unknown_version_is_404() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertEquals(404, server.get("ontology/9.9.9", "Accept", "text/turtle").statusCode());
            assertEquals(404, server.get("ontology/9.9.9.ttl").statusCode());
            assertEquals(404, server.get("ontology/", "Accept", "text/html").statusCode());
        }
    }

    @Test
    void an_older_release_keeps_its_own_text_beside_the_current_ontology(@TempDir Path root) throws Exception {
        copyProject(root);
        // An earlier release whose label of lg:LabourForm differed: it must be served as released, not as today's text.
        String current = Files.readString(root.resolve("ontology/labourgraph.ttl"));
        String older = current.replace("ontology/0.1.0>", "ontology/0.0.9>").replace("\"0.1.0\"", "\"0.0.9\"")
                .replace("lg:LabourForm\n", "lg:LabourForm\n    rdfs:label \"earlier form of labour\"@en ;\n");
        assertFalse(older.equals(current));
        Files.writeString(root.resolve("ontology/versions/0.0.9.ttl"), older);
        ServerSettings settings = ServerSettings.defaults(root).withPort(0);
        try (TestServer server = TestServer.start(s -> settings)) {
            Model old = turtle(server.get("ontology/0.0.9", "Accept", "text/turtle").body());
            assertTrue(old.contains(old.createResource(ONTOLOGY + "#LabourForm"), org.apache.jena.vocabulary.RDFS.label,
                    old.createLiteral("earlier form of labour", "en")));
            assertTrue(old.contains(old.createResource(ONTOLOGY), OWL2.versionIRI, old.createResource(ONTOLOGY + "/0.0.9")));
            Model now = turtle(server.get("ontology", "Accept", "text/turtle").body());
            assertFalse(now.contains(now.createResource(ONTOLOGY + "#LabourForm"), org.apache.jena.vocabulary.RDFS.label,
                    now.createLiteral("earlier form of labour", "en")));
            assertTrue(server.get("ontology/0.0.9?lang=en", "Accept", "text/html").body().contains("earlier form of labour"));
        }
    }

    @Test
    void a_released_file_whose_version_iri_disagrees_with_its_name_is_refused_by_name(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("ontology/versions"));
        Files.copy(ProjectPaths.root().resolve("ontology/labourgraph.ttl"), root.resolve("ontology/versions/2.0.0.ttl"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OntologyVersions.discover(root));
        assertTrue(e.getMessage().contains("2.0.0.ttl") && e.getMessage().contains("ontology/2.0.0"), e.getMessage());
    }

    private static void copyProject(Path root) throws Exception {
        for (String folder : new String[] {"ontology", "data"}) {
            Path from = ProjectPaths.root().resolve(folder);
            try (var files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = root.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
    }
}
