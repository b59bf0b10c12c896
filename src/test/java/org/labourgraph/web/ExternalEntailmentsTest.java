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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
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
import org.labourgraph.source.SourceFile;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.Entailments;
import org.labourgraph.vocab.LG;

/**
 * Writes through an external-mode front-end keep the store's entailment graph: after each one the graph a stock
 * Fuseki holds is what a recompute of its stated data gives ({@link Entailments#of}, as {@code load --update-endpoint}
 * writes it), and the entailed queries a librarian sends to {@code /sparql} answer accordingly.
 */
@DisplayName("serve --sparql-endpoint: forwarded writes keep the store's entailment graph")
@Tag("slow")
class ExternalEntailmentsTest {
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String CONCEPTS = LG.GRAPH_NS + "concepts";
    private static final String MODERATION = LG.CONCEPT_NS + "content-moderation";
    private static final String GHOST_WORK = LG.CONCEPT_NS + "ghost-work";
    private static final String DIGITAL_LABOUR = LG.CONCEPT_NS + "digital-labour";
    private static final String NEW_CONCEPT = LG.CONCEPT_NS + "entailment-test";
    private static final String CURATOR = TestServer.basic("ada", "ada-s3cret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every statement of the store's data graphs with its graph, read on the store itself. */
    private static final String ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static LabourgraphServer front;
    /** A second front-end over the same store, told that its default graph is the data: it keeps no history. */
    static LabourgraphServer storeDefault;

    @BeforeAll
    static void startAStockFusekiLoadItAndAFrontEndThatTakesWrites() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", fuseki.service("update").toString()));
            SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
            assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/");
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, "ada: ada-s3cret, curator\n");
            front = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20))
                    .withRemote(new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                            Optional.of(fuseki.service("data")), Optional.empty()))
                    .withPasswordFile(passwd)).start();
            storeDefault = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20))
                    .withRemote(new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                            Optional.of(fuseki.service("data")), Optional.empty(), DataGraphs.parse("store-default")))
                    .withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (front != null) {
            front.close();
        }
        if (storeDefault != null) {
            storeDefault.close();
        }
        storeDefault = null;
        if (fuseki != null) {
            fuseki.close();
        }
        front = null;
        fuseki = null;
    }

    /** The fixed requests of these tests: their IRIs are the shipped data's and this test's own, nothing is pasted in. */
    private static final String PREFIXES = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX lg:   <https://w3id.org/labourgraph/ontology#>
            PREFIX lgc:  <https://w3id.org/labourgraph/id/concept/>
            PREFIX lgg:  <https://w3id.org/labourgraph/graph/>
            PREFIX lgn:  <https://w3id.org/labourgraph/id/note/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    private static final String NEW_CONCEPT_IN_CLOSURE = PREFIXES
            + "ASK { lgc:entailment-test skos:broaderTransitive lgc:digital-labour . lgc:digital-labour skos:narrowerTransitive lgc:entailment-test }";
    private static final String ADD_NEW_CONCEPT = PREFIXES + """
            INSERT DATA { GRAPH lgg:concepts {
              lgc:entailment-test a skos:Concept ; skos:prefLabel "entailment test"@en, "essai d'inférence"@fr ;
                skos:definition "A concept of a test."@en, "Un concept d'un essai."@fr ; skos:inScheme lgc:scheme ;
                dcterms:source lgn:CuDk_xb7q0uXBEV4X_ekAxRe9-E ; skos:broader lgc:content-moderation } }""";
    private static final String NEW_CONCEPT_TURTLE = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix lgc: <https://w3id.org/labourgraph/id/concept/> .
            lgc:entailment-test a skos:Concept ; skos:prefLabel "entailment test"@en, "essai d'inférence"@fr ;
                skos:definition "A concept of a test."@en, "Un concept d'un essai."@fr ; skos:inScheme lgc:scheme ;
                dcterms:source <https://w3id.org/labourgraph/id/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E> ;
                skos:broader lgc:content-moderation .
            """;
    private static final String DELETE_NEW_CONCEPT = PREFIXES + "DELETE WHERE { GRAPH lgg:concepts { lgc:entailment-test ?p ?o } }";
    /** Ghost work, cut from the hierarchy, joins an editorial collection meanwhile: the shapes ask a concept to be in one or the other. */
    private static final String CUT_MIDDLE_LINK = PREFIXES + """
            DELETE DATA { GRAPH lgg:concepts {
              lgc:ghost-work skos:broader lgc:digital-labour . lgc:digital-labour skos:narrower lgc:ghost-work } } ;
            INSERT DATA { GRAPH lgg:concepts { lgc:conditions-of-digital-labour skos:member lgc:ghost-work } }""";
    private static final String RESTORE_MIDDLE_LINK = PREFIXES + """
            INSERT DATA { GRAPH lgg:concepts {
              lgc:ghost-work skos:broader lgc:digital-labour . lgc:digital-labour skos:narrower lgc:ghost-work } } ;
            DELETE DATA { GRAPH lgg:concepts { lgc:conditions-of-digital-labour skos:member lgc:ghost-work } }""";
    private static final String MODERATION_UNDER_DIGITAL_LABOUR = PREFIXES
            + "ASK { lgc:content-moderation skos:broaderTransitive lgc:digital-labour }";
    private static final String ADD_SUB_PROPERTY = PREFIXES + """
            INSERT DATA { GRAPH lgg:concepts {
              lg:entailmentTestRelated rdfs:subPropertyOf skos:related . lgc:ghost-work lg:entailmentTestRelated lgc:platform-dependence } }""";
    private static final String DROP_SUB_PROPERTY = PREFIXES
            + "DELETE DATA { GRAPH lgg:concepts { lg:entailmentTestRelated rdfs:subPropertyOf skos:related } }";
    private static final String GHOST_WORK_RELATED = PREFIXES + "ASK { lgc:ghost-work skos:related lgc:platform-dependence }";

    @Test
    void a_new_narrower_concept_is_in_the_closure_at_once_and_leaves_it_when_deleted() throws Exception {
        assertFalse(ask(NEW_CONCEPT_IN_CLOSURE));
        write(ADD_NEW_CONCEPT);
        assertTrue(ask(NEW_CONCEPT_IN_CLOSURE), "content moderation sits under ghost work, under digital labour");
        assertSameAsRecompute("after adding a concept under content moderation");

        write(DELETE_NEW_CONCEPT);
        assertFalse(ask(NEW_CONCEPT_IN_CLOSURE));
        assertSameAsRecompute("after deleting it");
    }

    @Test
    void cutting_a_middle_link_of_the_hierarchy_takes_out_what_only_it_gave() throws Exception {
        write(CUT_MIDDLE_LINK);
        assertSameAsRecompute("after cutting ghost work from digital labour");
        assertFalse(ask(MODERATION_UNDER_DIGITAL_LABOUR));

        write(RESTORE_MIDDLE_LINK);
        assertSameAsRecompute("after restoring the link");
        assertTrue(ask(MODERATION_UNDER_DIGITAL_LABOUR));
    }

    @Test
    void a_new_sub_property_is_followed_by_a_recompute_of_the_entailments() throws Exception {
        write(ADD_SUB_PROPERTY);
        assertTrue(ask(GHOST_WORK_RELATED));
        assertSameAsRecompute("after a schema change");
        write(DROP_SUB_PROPERTY);
        assertFalse(ask(GHOST_WORK_RELATED));
        assertSameAsRecompute("after undoing it");
    }

    @Test
    void a_front_end_that_keeps_no_history_keeps_the_entailments_all_the_same() throws Exception {
        assertEquals("Update succeeded", outcome(storeDefault, ADD_NEW_CONCEPT));
        assertTrue(ask(NEW_CONCEPT_IN_CLOSURE), "written through the front-end whose default graph is the data");
        assertSameAsRecompute("after adding a concept through a front-end without history");

        assertEquals("Update succeeded", outcome(storeDefault, DELETE_NEW_CONCEPT));
        assertFalse(ask(NEW_CONCEPT_IN_CLOSURE));
        assertSameAsRecompute("after deleting it through that front-end");
    }

    @Test
    void a_graph_posted_to_a_front_end_that_keeps_no_history_brings_its_entailments() throws Exception {
        HttpResponse<String> posted = HTTP.send(TestServer.request(URI.create(storeDefault.baseUrl() + "data?graph="
                        + TestServer.enc(CONCEPTS)), "POST", "text/turtle", NEW_CONCEPT_TURTLE, "Authorization", CURATOR),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(ask(NEW_CONCEPT_IN_CLOSURE), posted.body());
        assertSameAsRecompute("after a Graph Store Protocol POST through a front-end without history");

        assertEquals("Update succeeded", outcome(storeDefault, DELETE_NEW_CONCEPT));
        assertSameAsRecompute("after deleting it");
    }

    @Test
    void lookups_asked_together_answer_as_lookups_asked_one_by_one() {
        RemoteSparqlService remote = new RemoteSparqlService(new RemoteEndpoint(fuseki.service("sparql"), Optional.empty(),
                Optional.empty(), Optional.empty()), Duration.ofSeconds(20));
        Node moderation = NodeFactory.createURI(MODERATION);
        Node broaderTransitive = NodeFactory.createURI(SKOS + "broaderTransitive");
        Node prefLabel = NodeFactory.createURI(SKOS + "prefLabel");
        List<Quad> patterns = List.of(
                Quad.create(Node.ANY, moderation, broaderTransitive, Node.ANY),
                Quad.create(Node.ANY, Node.ANY, broaderTransitive, NodeFactory.createURI(DIGITAL_LABOUR)),
                Quad.create(Node.ANY, moderation, prefLabel, Node.ANY),
                Quad.create(Node.ANY, moderation, prefLabel, NodeFactory.createLiteralLang("content moderation", "en")),
                Quad.create(Node.ANY, moderation, NodeFactory.createURI(SKOS + "broader"), NodeFactory.createURI(GHOST_WORK)),
                Quad.create(Node.ANY, NodeFactory.createURI(NEW_CONCEPT + "-never"), broaderTransitive, Node.ANY));
        RemoteQuads oneByOne = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH);
        RemoteQuads together = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH);
        together.prefetch(patterns);
        long sent = together.queries();
        int found = 0;
        for (Quad pattern : patterns) {
            List<Quad> expected = oneByOne.find(pattern);
            found += expected.size();
            assertEquals(Set.copyOf(expected), Set.copyOf(together.find(pattern)), "for " + pattern);
            Quad inOneGraph = Quad.create(NodeFactory.createURI(CONCEPTS), pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
            assertEquals(Set.copyOf(oneByOne.find(inOneGraph)), Set.copyOf(together.find(inOneGraph)), "for " + inOneGraph);
        }
        assertTrue(found > 10, "the patterns match statements: " + found);
        assertEquals(sent, together.queries(), "the finds after the prefetch sent no query");
    }

    /** The first words of the answer to {@code update} sent by a curator to {@code server}, once checked it is a 200. */
    private static String outcome(LabourgraphServer server, String update) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(TestServer.request(URI.create(server.baseUrl() + "update"), "POST",
                "application/sparql-update", update, "Authorization", CURATOR, "X-Change-Message", "entailment test"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("entailed statements kept"), r.body());
        return r.body().substring(0, r.body().indexOf(':'));
    }

    private static void write(String update) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(TestServer.request(URI.create(front.baseUrl() + "update"), "POST",
                "application/sparql-update", update, "Authorization", CURATOR, "X-Change-Message", "entailment test"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("revision"), r.body());
    }

    /** An ASK through the front-end's /sparql, as a librarian sends it. */
    private static boolean ask(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = SiteWalk.get(front, "/sparql?query=" + TestServer.enc(query), "Accept",
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }

    /** The store's entailment graph is what a recompute of its data graphs gives (blank nodes aside). */
    private static void assertSameAsRecompute(String when) {
        Graph stated = GraphFactory.createDefaultGraph();
        Set<Triple> kept = new HashSet<>();
        try (QueryExecHTTP exec = QueryExecHTTP.service(fuseki.service("sparql").toString()).query(ALL_QUADS).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                String g = row.get("g").getURI();
                Triple t = Triple.create(row.get("s"), row.get("p"), row.get("o"));
                if (g.equals(LG.ENTAILMENT_GRAPH)) {
                    if (named(t)) {
                        kept.add(t);
                    }
                } else if (g.startsWith(LG.GRAPH_NS)) {
                    stated.add(t);
                }
            });
        }
        Set<Triple> recomputed = new HashSet<>();
        Entailments.of(stated).find().forEachRemaining(t -> {
            if (named(t)) {
                recomputed.add(t);
            }
        });
        assertTrue(recomputed.size() > 100, "the data entails statements");
        Set<Triple> missing = new HashSet<>(recomputed);
        missing.removeAll(kept);
        Set<Triple> extra = new HashSet<>(kept);
        extra.removeAll(recomputed);
        assertEquals(Set.of(), missing, when + ": missing from the store's entailment graph");
        assertEquals(Set.of(), extra, when + ": left in the store's entailment graph");
    }

    private static boolean named(Triple t) {
        Node s = t.getSubject();
        Node o = t.getObject();
        return !s.isBlank() && !o.isBlank();
    }
}
