package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.Main;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.SearchDialect;
import org.labourgraph.validate.ChangeShapes;
import org.labourgraph.validate.ResourceShapes;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.endpoint.ExternalShapes;

/**
 * Curators' writes through an external-mode front-end meet the shapes (ontology/shapes.ttl) before they are sent, as
 * on the embedded store: a write that leaves a resource it touches with a violation it did not have is refused with
 * the report and nothing reaches the store or its history; a resource with problems of its own stays editable.
 */
@DisplayName("serve --sparql-endpoint: curators' writes meet the shapes before they are sent")
@Tag("slow")
class ExternalShapesTest {
    private static final String CURATOR = TestServer.basic("ada", "ada-s3cret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PREFIXES = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX lgc:  <https://w3id.org/labourgraph/id/concept/>
            PREFIX lgg:  <https://w3id.org/labourgraph/graph/>
            """;
    private static final String GHOST_WORK_IN_FRENCH = PREFIXES + "ASK { GRAPH ?g { lgc:ghost-work skos:prefLabel \"travail fantôme\"@fr } }";
    private static final String DROP_FRENCH_LABEL = PREFIXES
            + "DELETE DATA { GRAPH lgg:concepts { lgc:ghost-work skos:prefLabel \"travail fantôme\"@fr } }";
    /** Ghost work's English label, in capitals and another language: the same label ignoring case and language. */
    private static final String TWIN_LABEL = PREFIXES
            + "INSERT DATA { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"GHOST WORK\"@de } }";
    private static final String NEW_LABEL = PREFIXES
            + "INSERT DATA { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"annotation for a shapes test\"@en } }";
    private static final String NEW_LABEL_GONE = PREFIXES
            + "DELETE DATA { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"annotation for a shapes test\"@en } }";
    /** A concept written straight into the store, past the front-ends: no French label, no definition, no scheme. */
    private static final String IMPORTED_AS_IS = PREFIXES
            + "INSERT DATA { GRAPH lgg:imported { lgc:shapes-test-imported a skos:Concept ; skos:prefLabel \"imported as is\"@en } }";
    private static final String EDIT_IMPORTED = PREFIXES
            + "INSERT DATA { GRAPH lgg:imported { lgc:shapes-test-imported skos:altLabel \"taken as it came\"@en } }";
    private static final String INCOMPLETE_CONCEPT_TURTLE = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <https://w3id.org/labourgraph/id/concept/shapes-test-incomplete> a skos:Concept ;
                skos:prefLabel "incomplete"@en .
            """;
    private static final String INCOMPLETE_STORED = PREFIXES + "ASK { GRAPH ?g { lgc:shapes-test-incomplete ?p ?o } }";
    private static final String ANY_ENTAILED = "ASK { GRAPH <https://w3id.org/labourgraph/graph/entailments> { ?s ?p ?o } }";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    /** A second stock Fuseki, loaded with {@code load --no-entailments}: no entailment graph. */
    static StandaloneFuseki bare;
    /** A store-default front-end over {@link #bare}. */
    static LabourgraphServer bareFront;
    static LabourgraphServer front;
    /** A front-end told that the store's default graph is the data: it keeps no history, and checks all the same. */
    static LabourgraphServer storeDefault;

    @BeforeAll
    static void startAStockFusekiLoadItAndTwoFrontEndsThatTakeWrites() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            loadSources(fuseki);
            bare = StandaloneFuseki.startStock(work.resolve("bare"));
            loadSources(bare, "--no-entailments");
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, "ada: ada-s3cret, curator\n");
            front = LabourgraphServer.buildRemote(settings(fuseki, DataGraphs.parse("discover")).withPasswordFile(passwd)).start();
            storeDefault = LabourgraphServer.buildRemote(settings(fuseki, DataGraphs.parse("store-default")).withPasswordFile(passwd)).start();
            bareFront = LabourgraphServer.buildRemote(settings(bare, DataGraphs.parse("store-default")).withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    /** ontology/ and data/ sent to {@code store} with {@code load --update-endpoint}. */
    private static void loadSources(StandaloneFuseki store, String... options) {
        List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", store.service("update").toString()));
        load.addAll(List.of(options));
        SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
        assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/ " + List.of(options));
    }

    private static ServerSettings settings(StandaloneFuseki store, DataGraphs graphs) {
        return ServerSettings.defaults(ProjectPaths.root()).withPort(0).withQueryTimeout(Duration.ofSeconds(20))
                .withRemote(new RemoteEndpoint(store.service("sparql"), Optional.of(store.service("update")),
                        Optional.of(store.service("data")), Optional.empty(), graphs));
    }

    @AfterAll
    static void stopEverything() {
        for (LabourgraphServer s : new LabourgraphServer[] {front, storeDefault, bareFront}) {
            if (s != null) {
                s.close();
            }
        }
        front = null;
        storeDefault = null;
        bareFront = null;
        for (StandaloneFuseki f : new StandaloneFuseki[] {fuseki, bare}) {
            if (f != null) {
                f.close();
            }
        }
        fuseki = null;
        bare = null;
    }

    @Test
    void a_write_that_breaks_a_shape_is_refused_with_the_report_and_nothing_is_written() throws Exception {
        long head = head();
        HttpResponse<String> r = update(front, DROP_FRENCH_LABEL);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("The change was refused: 1 violation"), r.body());
        assertTrue(r.body().contains("lgc:ghost-work skos:prefLabel") && r.body().contains("in French"), r.body());
        assertTrue(storeAsks(GHOST_WORK_IN_FRENCH), "the label is still in the store");
        assertEquals(head, head(), "no revision was recorded");
    }

    @Test
    void a_label_that_another_concept_has_ignoring_case_and_language_is_refused() throws Exception {
        HttpResponse<String> r = update(front, TWIN_LABEL);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("also a label of another concept") && r.body().contains("lgc:ghost-work"), r.body());
        assertFalse(storeAsks(PREFIXES + "ASK { GRAPH ?g { ?c skos:altLabel \"GHOST WORK\"@de } }"));
    }

    @Test
    void an_edit_that_keeps_the_shapes_goes_through_and_is_recorded() throws Exception {
        long head = head();
        HttpResponse<String> added = update(front, NEW_LABEL);
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(head + 1, head());
        HttpResponse<String> removed = update(front, NEW_LABEL_GONE);
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(head + 2, head());
    }

    @Test
    void a_resource_with_problems_of_its_own_stays_editable() throws Exception {
        HttpResponse<String> seeded = HTTP.send(TestServer.request(fuseki.service("update"), "POST", "application/sparql-update",
                IMPORTED_AS_IS), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, seeded.statusCode() / 100, seeded.body());
        HttpResponse<String> edit = update(front, EDIT_IMPORTED);
        assertEquals(200, edit.statusCode(), "the edit adds no violation of its own: " + edit.body());
        assertTrue(storeAsks(PREFIXES + "ASK { GRAPH ?g { lgc:shapes-test-imported skos:altLabel \"taken as it came\"@en } }"));
    }

    @Test
    void graph_store_writes_and_a_front_end_without_history_are_checked_too() throws Exception {
        for (LabourgraphServer through : List.of(front, storeDefault)) {
            HttpResponse<String> posted = HTTP.send(TestServer.request(URI.create(through.baseUrl() + "data?graph="
                    + TestServer.enc("https://w3id.org/labourgraph/graph/shapes-test")), "POST", "text/turtle",
                    INCOMPLETE_CONCEPT_TURTLE, "Authorization", CURATOR), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, posted.statusCode(), posted.body());
            assertTrue(posted.body().contains("A concept needs a skos:definition in French"), posted.body());
            assertFalse(storeAsks(INCOMPLETE_STORED), "nothing was written");
        }
        HttpResponse<String> r = update(storeDefault, DROP_FRENCH_LABEL);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(storeAsks(GHOST_WORK_IN_FRENCH));
    }

    @Test
    void over_a_store_without_the_entailment_graph_writes_are_checked_and_sent_as_statements_with_nothing_entailed() throws Exception {
        assertFalse(asks(bare, ANY_ENTAILED), "load --no-entailments wrote no entailment graph");
        HttpResponse<String> refused = update(bareFront, DROP_FRENCH_LABEL);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("The change was refused: 1 violation"), refused.body());
        assertTrue(asks(bare, GHOST_WORK_IN_FRENCH), "nothing was written");

        HttpResponse<String> posted = HTTP.send(TestServer.request(URI.create(bareFront.baseUrl() + "data?graph="
                + TestServer.enc("https://w3id.org/labourgraph/graph/shapes-test")), "POST", "text/turtle",
                INCOMPLETE_CONCEPT_TURTLE, "Authorization", CURATOR), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, posted.statusCode(), posted.body());
        assertFalse(asks(bare, INCOMPLETE_STORED), "nothing was written");
        HttpResponse<String> intoDefault = HTTP.send(TestServer.request(URI.create(bareFront.baseUrl() + "data?default"), "POST",
                "text/turtle", "<urn:test:s> <urn:test:p> \"unchecked\" .", "Authorization", CURATOR), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, intoDefault.statusCode(), "the default graph is refused as on /update: " + intoDefault.body());
        assertFalse(asks(bare, "ASK { <urn:test:s> ?p ?o }"));

        HttpResponse<String> accepted = update(bareFront, NEW_LABEL);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(asks(bare, PREFIXES + "ASK { GRAPH lgg:concepts { lgc:data-labelling skos:altLabel \"annotation for a shapes test\"@en } }"));
        assertFalse(asks(bare, ANY_ENTAILED), "nothing entailed is written to a store that keeps no entailments");
        assertEquals(200, update(bareFront, NEW_LABEL_GONE).statusCode());
    }

    @Test
    void what_checks_keep_reading_is_asked_at_once_and_a_violation_is_still_found() {
        RemoteSparqlService remote = new RemoteSparqlService(new RemoteEndpoint(fuseki.service("sparql"), Optional.empty(),
                Optional.empty(), Optional.empty()), Duration.ofSeconds(20));
        ExternalShapes shapes = new ExternalShapes(remote, ResourceShapes.load(SourceSet.discover(ProjectPaths.root()).shapes())
                .orElseThrow(), () -> SearchDialect.PORTABLE);
        Node dataLabelling = NodeFactory.createURI(LG.CONCEPT_NS + "data-labelling");
        Node concepts = NodeFactory.createURI(LG.GRAPH_NS + "concepts");
        UpdateDeltas.Delta fresh = new UpdateDeltas.Delta(List.of(Quad.create(concepts, dataLabelling, SKOS.altLabel.asNode(),
                NodeFactory.createLiteralLang("a label for a check", "en"))), List.of());
        UpdateDeltas.Delta twin = new UpdateDeltas.Delta(List.of(Quad.create(concepts, dataLabelling, SKOS.altLabel.asNode(),
                NodeFactory.createLiteralLang("GHOST WORK", "de"))), List.of());
        long[] sent = new long[3];
        for (int i = 0; i < sent.length; i++) {
            long before = shapes.queries();
            shapes.check(fresh, UpdateDeltas.Delta.NONE);
            sent[i] = shapes.queries() - before;
        }
        assertTrue(sent[2] < sent[0], "queries of three checks of the same change: " + Arrays.toString(sent));
        ChangeShapes.Refused refused = assertThrows(ChangeShapes.Refused.class, () -> shapes.check(twin, UpdateDeltas.Delta.NONE));
        assertTrue(refused.getMessage().contains("also a label of another concept"), refused.getMessage());
    }

    @Test
    void reading_whole_subjects_answers_as_lookups_asked_one_by_one_in_fewer_queries() {
        RemoteSparqlService remote = new RemoteSparqlService(new RemoteEndpoint(fuseki.service("sparql"), Optional.empty(),
                Optional.empty(), Optional.empty()), Duration.ofSeconds(20));
        Node ghostWork = NodeFactory.createURI(LG.CONCEPT_NS + "ghost-work");
        Node digitalLabour = NodeFactory.createURI(LG.CONCEPT_NS + "digital-labour");
        Node concepts = NodeFactory.createURI(LG.GRAPH_NS + "concepts");
        List<Quad> patterns = new ArrayList<>();
        for (Node p : List.of(RDF.type.asNode(), SKOS.prefLabel.asNode(), SKOS.broader.asNode(), SKOS.narrower.asNode(),
                SKOS.related.asNode(), NodeFactory.createURI(SKOS.getURI() + "broaderTransitive"))) {
            patterns.add(Quad.create(Node.ANY, ghostWork, p, Node.ANY));
            patterns.add(Quad.create(concepts, ghostWork, p, Node.ANY));
            patterns.add(Quad.create(Node.ANY, Node.ANY, p, ghostWork));
            patterns.add(Quad.create(Node.ANY, Node.ANY, p, digitalLabour));
            patterns.add(Quad.create(concepts, Node.ANY, p, digitalLabour));
        }
        patterns.add(Quad.create(Node.ANY, ghostWork, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("ghost work", "en")));
        // The resources' whole statements asked first, the closures left out (as the shapes' check asks them); the
        // patterns that name no predicate or name a closure must still get every statement.
        patterns.add(Quad.create(Node.ANY, ghostWork, Node.ANY, Node.ANY));
        patterns.add(Quad.create(Node.ANY, Node.ANY, Node.ANY, digitalLabour));
        patterns.add(Quad.create(Node.ANY, ghostWork, Node.ANY, digitalLabour));
        Set<Node> closures = Set.of(NodeFactory.createURI(SKOS.getURI() + "broaderTransitive"),
                NodeFactory.createURI(SKOS.getURI() + "narrowerTransitive"));
        RemoteQuads oneByOne = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH);
        RemoteQuads whole = RemoteQuads.readingWholeSubjects(remote, LG.ENTAILMENT_GRAPH, Set.of());
        RemoteQuads wholeButClosures = RemoteQuads.readingWholeSubjects(remote, LG.ENTAILMENT_GRAPH, closures);
        wholeButClosures.prefetch(List.of(Quad.create(Node.ANY, ghostWork, Node.ANY, Node.ANY),
                Quad.create(Node.ANY, Node.ANY, Node.ANY, digitalLabour)));
        int found = 0;
        int closuresFound = 0;
        for (Quad pattern : patterns) {
            List<Quad> expected = oneByOne.find(pattern);
            found += expected.size();
            closuresFound += (int) expected.stream().filter(q -> closures.contains(q.getPredicate())).count();
            assertEquals(Set.copyOf(expected), Set.copyOf(whole.find(pattern)), "for " + pattern);
            assertEquals(Set.copyOf(expected), Set.copyOf(wholeButClosures.find(pattern)), "closures by name only, for " + pattern);
        }
        assertTrue(closuresFound > 0, "the store holds the closures these patterns ask: " + closuresFound);
        assertTrue(whole.queries() < oneByOne.queries(), whole.queries() + " queries against " + oneByOne.queries());
    }

    private static HttpResponse<String> update(LabourgraphServer through, String update) throws IOException, InterruptedException {
        return HTTP.send(TestServer.request(URI.create(through.baseUrl() + "update"), "POST", "application/sparql-update", update,
                "Authorization", CURATOR, "X-Change-Message", "shapes test"), HttpResponse.BodyHandlers.ofString());
    }

    private static long head() throws IOException, InterruptedException {
        HttpResponse<String> r = SiteWalk.get(front, "/changes.json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("head").getAsNumber().value().longValue();
    }

    /** An ASK on the store itself, past the front-ends (a stock Fuseki: the data is in named graphs). */
    private static boolean storeAsks(String ask) {
        return asks(fuseki, ask);
    }

    private static boolean asks(StandaloneFuseki store, String ask) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(store.service("sparql").toString()).query(ask).build()) {
            return exec.ask();
        }
    }
}
