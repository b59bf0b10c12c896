package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.sparql.RemoteLabelLookup;
import org.labourgraph.sparql.RemoteSparqlSearch;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.vocab.LG;

/**
 * The label-uniqueness look-up of writes through a front-end, on a Fuseki with a jena-text index: the index answers a
 * label in one query (never fewer resources than reading every label finds), and where it cannot be trusted (a
 * property it does not hold, a label with no word) every label is read as before.
 */
@DisplayName("serve --sparql-endpoint: a label's twins are found through the store's own text index")
@Tag("slow")
class RemoteLabelLookupTest {
    private static final Node GHOST_WORK = NodeFactory.createURI(LG.CONCEPT_NS + "ghost-work");
    private static final String CURATOR = TestServer.basic("ada", "ada-s3cret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PREFIXES = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX lgc:  <https://w3id.org/labourgraph/id/concept/>
            PREFIX lgg:  <https://w3id.org/labourgraph/graph/>
            """;

    @TempDir
    static Path work;

    /** Labels, alternative labels, hidden labels and definitions in its index (fuseki-text-tdb2.ttl). */
    static StandaloneFuseki indexed;
    /** Preferred labels only in its index (fuseki-text-preflabel-tdb2.ttl). */
    static StandaloneFuseki prefLabelsOnly;
    static LabourgraphServer front;

    @BeforeAll
    static void startTwoFusekisWithTextIndexesLoadThemAndAFrontEndThatTakesWrites() throws Exception {
        try {
            indexed = StandaloneFuseki.start(work.resolve("indexed"), "fuseki-text-tdb2.ttl");
            prefLabelsOnly = StandaloneFuseki.start(work.resolve("preflabels"), "fuseki-text-preflabel-tdb2.ttl");
            indexed.putProjectSources();
            prefLabelsOnly.putProjectSources();
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, "ada: ada-s3cret, curator\n");
            front = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20)).withRemote(endpoint(indexed)).withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (front != null) {
            front.close();
            front = null;
        }
        for (StandaloneFuseki f : new StandaloneFuseki[] {indexed, prefLabelsOnly}) {
            if (f != null) {
                f.close();
            }
        }
        indexed = null;
        prefLabelsOnly = null;
    }

    @Test
    void a_preferred_or_alternative_label_in_another_case_is_found_through_the_index_without_reading_every_label() {
        RemoteLabelLookup lookup = lookup(indexed);
        assertTrue(lookup.resourcesPossiblyLabelled(List.of("Travail FANTÔME")).orElseThrow().contains(GHOST_WORK),
                "ghost work's French preferred label, in other capitals");
        assertTrue(lookup.resourcesPossiblyLabelled(List.of("MICRO-TRAVAIL")).orElseThrow().contains(GHOST_WORK),
                "ghost work's alternative label, in capitals");
        assertFalse(lookup.resourcesPossiblyLabelled(List.of("a label no resource has")).orElseThrow().contains(GHOST_WORK));
        assertEquals(0, lookup.scans(), "every label was answered by the index");
    }

    @Test
    void the_index_finds_every_resource_that_reading_every_label_finds() {
        RemoteLabelLookup byIndex = lookup(indexed);
        RemoteLabelLookup byReading = new RemoteLabelLookup(service(indexed));
        for (String label : List.of("ghost work", "GHOST WORK", "digital labor", "microwork", "Travail du clic", "travail")) {
            Set<Node> read = byReading.resourcesPossiblyLabelled(List.of(label)).orElseThrow();
            Set<Node> found = byIndex.resourcesPossiblyLabelled(List.of(label)).orElseThrow();
            assertTrue(found.containsAll(read), label + ": reading every label finds " + read + ", the index " + found);
        }
        assertEquals(0, byIndex.scans());
        assertTrue(byReading.scans() > 0);
    }

    @Test
    void a_label_with_no_word_is_looked_up_by_reading_every_label() {
        RemoteLabelLookup lookup = lookup(indexed);
        assertTrue(lookup.resourcesPossiblyLabelled(List.of("?!")).orElseThrow().isEmpty());
        assertEquals(1, lookup.scans());
    }

    @Test
    void an_index_without_the_alternative_labels_is_not_trusted_and_every_label_is_read() {
        RemoteLabelLookup lookup = lookup(prefLabelsOnly);
        assertTrue(lookup.resourcesPossiblyLabelled(List.of("MICRO-TRAVAIL")).orElseThrow().contains(GHOST_WORK),
                "ghost work's alternative label, which this index does not hold");
        assertEquals(1, lookup.scans());
    }

    @Test
    void a_write_through_the_front_end_that_gives_a_concept_another_concepts_label_is_refused() throws Exception {
        HttpResponse<String> twin = update(PREFIXES
                + "INSERT DATA { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"Micro-Travail\"@de } }");
        assertEquals(400, twin.statusCode(), twin.body());
        assertTrue(twin.body().contains("also a label of another concept") && twin.body().contains("lgc:ghost-work"), twin.body());
        assertFalse(asks(PREFIXES + "ASK { ?c skos:altLabel \"Micro-Travail\"@de }"), "nothing reached the store");

        String fresh = "INSERT DATA { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"a label for the look-up test\"@en } }";
        HttpResponse<String> added = update(PREFIXES + fresh);
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(asks(PREFIXES + "ASK { lgc:data-labelling skos:altLabel \"a label for the look-up test\"@en }"));
        assertEquals(200, update(PREFIXES + fresh.replace("INSERT DATA", "DELETE DATA")).statusCode());
    }

    private static RemoteLabelLookup lookup(StandaloneFuseki store) {
        RemoteSparqlService service = service(store);
        RemoteSparqlSearch search = new RemoteSparqlSearch(service);
        return new RemoteLabelLookup(service, search::dialect);
    }

    private static RemoteSparqlService service(StandaloneFuseki store) {
        return new RemoteSparqlService(endpoint(store), Duration.ofSeconds(20));
    }

    /** The text Fusekis' default graph is the union of their named graphs: --data-graphs store-default. */
    private static RemoteEndpoint endpoint(StandaloneFuseki store) {
        return new RemoteEndpoint(store.service("sparql"), Optional.of(store.service("update")),
                Optional.of(store.service("data")), Optional.empty(), DataGraphs.parse("store-default"));
    }

    private static HttpResponse<String> update(String update) throws IOException, InterruptedException {
        return HTTP.send(TestServer.request(URI.create(front.baseUrl() + "update"), "POST", "application/sparql-update", update,
                "Authorization", CURATOR, "X-Change-Message", "label look-up test"), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean asks(String ask) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(indexed.service("sparql").toString()).query(ask).build()) {
            return exec.ask();
        }
    }
}
