package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.ProjectPaths;
import org.labourgraph.web.TestServer;

/**
 * A real Linked Data Fragments client, Comunica ({@code @comunica/query-sparql} from npm, installed into
 * target/comunica on first run), evaluates SPARQL over {@code /fragments}; its answers equal {@code /sparql}'s.
 */
class ComunicaOverFragmentsTest {
    static final String PREFIXES = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX lg: <https://w3id.org/labourgraph/ontology#>
            PREFIX lgc: <https://w3id.org/labourgraph/id/concept/>
            """;
    static TestServer server;
    static Path comunica;

    @BeforeAll
    static void start() throws Exception {
        comunica = installComunica();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** npm install of the pinned client into target/comunica (skipped when already there). */
    static Path installComunica() throws IOException, InterruptedException {
        Path dir = ProjectPaths.root().resolve("target/comunica");
        Path bin = dir.resolve("node_modules/@comunica/query-sparql/bin/query.js");
        if (Files.isRegularFile(bin)) {
            return bin;
        }
        Files.createDirectories(dir);
        Files.copy(ProjectPaths.root().resolve("src/test/comunica/package.json"), dir.resolve("package.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        assertTrue(npm.waitFor(8, TimeUnit.MINUTES), "npm install of @comunica/query-sparql took over 8 minutes");
        assertEquals(0, npm.exitValue(), "npm install failed (is the npm registry reachable?): see " + dir.resolve("npm-install.log"));
        assertTrue(Files.isRegularFile(bin), "Comunica's CLI is not at " + bin);
        return bin;
    }

    static JsonNode comunica(String query) throws Exception {
        Process p = new ProcessBuilder("node", comunica.toString(), server.server.baseUrl() + "fragments",
                "-t", "application/sparql-results+json", query)
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "Comunica did not finish");
        assertEquals(0, p.exitValue(), "Comunica failed: " + err);
        return ReconcileSchemas.JSON.readTree(out);
    }

    static JsonNode endpoint(String query) throws Exception {
        return ReconcileSchemas.JSON.readTree(server.query(query, "application/sparql-results+json").body());
    }

    /** The rows as a set of canonical strings: variable → term, xsd:string made explicit. */
    static Set<String> rows(JsonNode results) {
        Set<String> rows = new TreeSet<>();
        for (JsonNode b : results.get("results").get("bindings")) {
            Map<String, String> row = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = b.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode t = f.getValue();
                String type = t.get("type").asText().equals("typed-literal") ? "literal" : t.get("type").asText();
                String lang = t.has("xml:lang") ? "@" + t.get("xml:lang").asText().toLowerCase() : "";
                String dt = t.has("datatype") ? t.get("datatype").asText() : (type.equals("literal") && lang.isEmpty()
                        ? "http://www.w3.org/2001/XMLSchema#string" : "");
                row.put(f.getKey(), type + "|" + t.get("value").asText() + lang + (dt.isEmpty() ? "" : "^^" + dt));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // persons and the works they created, with names and dates (a three-pattern join)
            "SELECT ?work ?person ?name ?date WHERE { ?work dcterms:creator ?person . ?person foaf:name ?name . ?work dcterms:issued ?date }",
            // the narrower concepts of ghost work, with their English labels
            "SELECT ?c ?label WHERE { ?c skos:broader lgc:ghost-work . ?c skos:prefLabel ?label FILTER(lang(?label) = \"en\") }",
            // where the concept labelled "ghost work" was coined, and the title of that work (a literal in a pattern)
            "SELECT ?concept ?work ?title WHERE { ?concept skos:prefLabel \"ghost work\"@en . ?concept lg:coinedIn ?work . ?work dcterms:title ?title }",
            // every concept of the scheme with its French label: the SKOS type comes from the entailments, as on /sparql
            "SELECT ?c ?fr WHERE { ?c rdf:type skos:Concept ; skos:inScheme lgc:scheme ; skos:prefLabel ?fr FILTER(lang(?fr) = \"fr\") }"})
    void comunica_over_fragments_answers_a_join_query_as_the_sparql_endpoint_does(String body) throws Exception {
        String query = PREFIXES + body;
        Set<String> expected = rows(endpoint(query));
        assertFalse(expected.isEmpty(), "the query has answers on /sparql");
        Set<String> actual = rows(comunica(query));
        System.out.println("Comunica over /fragments: " + actual.size() + " rows, /sparql: " + expected.size() + " rows — " + body);
        assertEquals(expected, actual);
    }
}
