package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.ProjectPaths;
import org.labourgraph.web.TestServer;

/**
 * A real Linked Data Fragments client, Comunica ({@code @comunica/query-sparql} from npm, installed into
 * target/comunica with {@code npm ci} from src/test/comunica's lock file), evaluates SPARQL over {@code /fragments};
 * its answers equal {@code /sparql}'s, row for row (duplicates count).
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
    static final String CLIENT = "@comunica/query-sparql";
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

    /**
     * {@code npm ci} of the locked client into target/comunica, skipped only when what is there was installed from the
     * same package.json and lock file and holds the pinned version.
     */
    static Path installComunica() throws IOException, InterruptedException {
        Path source = ProjectPaths.root().resolve("src/test/comunica");
        Path dir = ProjectPaths.root().resolve("target/comunica");
        Path bin = dir.resolve("node_modules/@comunica/query-sparql/bin/query.js");
        if (Files.isRegularFile(bin) && sameFile(source, dir, "package.json") && sameFile(source, dir, "package-lock.json")
                && installedVersion(dir).equals(pinnedVersion(source))) {
            return bin;
        }
        Files.createDirectories(dir);
        for (String name : List.of("package.json", "package-lock.json")) {
            Files.copy(source.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("npm-install.log").toFile()).start();
        assertTrue(npm.waitFor(8, TimeUnit.MINUTES), "npm ci of @comunica/query-sparql took over 8 minutes");
        assertEquals(0, npm.exitValue(), "npm ci failed (is the npm registry reachable?): see " + dir.resolve("npm-install.log"));
        assertTrue(Files.isRegularFile(bin), "Comunica's CLI is not at " + bin);
        assertEquals(pinnedVersion(source), installedVersion(dir), "the installed Comunica is the pinned one");
        return bin;
    }

    private static boolean sameFile(Path source, Path dir, String name) throws IOException {
        return Files.isRegularFile(dir.resolve(name)) && Files.mismatch(source.resolve(name), dir.resolve(name)) == -1;
    }

    private static String pinnedVersion(Path source) throws IOException {
        return ReconcileSchemas.JSON.readTree(source.resolve("package.json").toFile()).get("dependencies").get(CLIENT).asText();
    }

    private static String installedVersion(Path dir) throws IOException {
        Path manifest = dir.resolve("node_modules/" + CLIENT + "/package.json");
        return Files.isRegularFile(manifest) ? ReconcileSchemas.JSON.readTree(manifest.toFile()).get("version").asText() : "";
    }

    static JsonNode comunica(String query) throws Exception {
        Process p = new ProcessBuilder("node", comunica.toString(), server.server.baseUrl() + "fragments",
                "-t", "application/sparql-results+json", query)
                .redirectErrorStream(false).start();
        // Both streams drained at once: a client that fills one pipe while the test waits on the other would hang.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "Comunica did not finish");
        assertEquals(0, p.exitValue(), "Comunica failed: " + err.get(1, TimeUnit.MINUTES));
        return ReconcileSchemas.JSON.readTree(out);
    }

    static JsonNode endpoint(String query) throws Exception {
        return ReconcileSchemas.JSON.readTree(server.query(query, "application/sparql-results+json").body());
    }

    /** The rows as a sorted list of canonical strings (variable → term, xsd:string made explicit): a duplicate row counts. */
    static List<String> rows(JsonNode results) {
        List<String> rows = new ArrayList<>();
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
        Collections.sort(rows);
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
        List<String> expected = rows(endpoint(query));
        assertFalse(expected.isEmpty(), "the query has answers on /sparql");
        List<String> actual = rows(comunica(query));
        System.out.println("Comunica over /fragments: " + actual.size() + " rows, /sparql: " + expected.size() + " rows — " + body);
        assertEquals(expected, actual);
    }
}
