package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labourgraph.web.ExternalSiteTest.get;
import static org.labourgraph.web.ExternalSiteTest.normalised;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.Main;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.vocab.LG;

/**
 * The parts of the site other programs read (reconciliation, the dataset description, the sitemap, the triple
 * pattern fragments) over a stock standalone Fuseki loaded as a new user loads it: they answer as on the embedded store.
 */
@DisplayName("serve --sparql-endpoint over a stock Fuseki: the interop parts answer as on the embedded store")
@Tag("slow")
class ExternalInteropTest {
    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static TestServer embedded;
    static LabourgraphServer external;

    @BeforeAll
    static void startAStockFusekiLoadItAndStartBothSites() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", fuseki.service("update").toString(),
                    "--sparql-endpoint", fuseki.service("sparql").toString()));
            SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
            assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/");
            embedded = TestServer.start();
            external = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20)).withRemote(new RemoteEndpoint(fuseki.service("sparql"),
                            Optional.empty(), Optional.empty(), Optional.empty()))).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (external != null) {
            external.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
        external = null;
        embedded = null;
        fuseki = null;
    }

    @Test
    void reconciliation_answers_as_on_the_embedded_store() throws Exception {
        String byIdentifier = """
                {"isbn": {"query": "", "properties": [{"pid": "isbn", "v": "978-1-328-56624-9"}]},
                 "qid": {"query": "Kenia", "properties": [{"pid": "wikidata", "v": "Q114"}]},
                 "iri": {"query": "whatever", "type": "concept",
                         "properties": [{"pid": "http://www.w3.org/2004/02/skos/core#exactMatch", "v": {"id": "http://dbpedia.org/resource/Ghost_work"}}]},
                 "schema": {"query": "", "properties": [{"pid": "https://schema.org/isbn", "v": "9780262017480"}]},
                 "nothing": {"query": "zqxv blorptangle"}}""";
        String extend = "{\"ids\": [\"" + LG.CONCEPT_NS + "ghost-work\", \"" + LG.CONCEPT_NS + "digital-labour\"],"
                + " \"properties\": [{\"id\": \"broader\"}, {\"id\": \"http://www.w3.org/2004/02/skos/core#prefLabel\"}]}";
        for (String path : List.of("/reconcile", "/reconcile?queries=" + TestServer.enc(byIdentifier),
                "/reconcile?extend=" + TestServer.enc(extend), "/reconcile/preview?id=" + TestServer.enc(LG.CONCEPT_NS + "ghost-work"))) {
            assertEquals(body(get(embedded.server, path), embedded.server), body(get(external, path), external), path);
        }
        // Candidates by text come from each mode's search (the text index here, the portable SPARQL search there), which
        // may propose different weaker candidates: the certain match is the same.
        String byName = """
                {"exact": {"query": "Ghost work", "type": "concept"},
                 "folded": {"query": "travail fantome"},
                 "upper": {"query": "GHOST WORK"}}""";
        String path = "/reconcile?queries=" + TestServer.enc(byName);
        org.apache.jena.atlas.json.JsonObject here = org.apache.jena.atlas.json.JSON.parse(body(get(embedded.server, path), embedded.server));
        org.apache.jena.atlas.json.JsonObject there = org.apache.jena.atlas.json.JSON.parse(body(get(external, path), external));
        for (String key : List.of("exact", "folded", "upper")) {
            var best = here.get(key).getAsObject().get("result").getAsArray().get(0);
            assertTrue(best.getAsObject().get("match").getAsBoolean().value(), key + ": a certain match on the embedded store");
            assertEquals(best, there.get(key).getAsObject().get("result").getAsArray().get(0), key);
        }
    }

    @Test
    void the_sitemap_lists_the_same_pages_as_on_the_embedded_store() throws Exception {
        String here = withoutDates(body(get(embedded.server, "/sitemap.xml"), embedded.server));
        String there = withoutDates(body(get(external, "/sitemap.xml"), external));
        assertTrue(here.contains("ORIGIN/doc/concept/ghost-work</loc>"), here);
        assertEquals(here, there);
    }

    @Test
    void the_dataset_description_counts_as_on_the_embedded_store() throws Exception {
        Graph here = description(embedded.server);
        Graph there = description(external);
        assertTrue(here.contains(org.apache.jena.graph.Node.ANY,
                NodeFactory.createURI("http://rdfs.org/ns/void#triples"), org.apache.jena.graph.Node.ANY), "counted: " + here);
        assertTrue(IsoMatcher.isomorphic(here, there), "the same description but for its date:\n"
                + org.apache.jena.riot.RDFWriter.source(there).lang(Lang.TURTLE).asString());
        assertEquals(200, get(external, "/dataset", "Accept", "text/html").statusCode());
    }

    @Test
    void a_fragment_and_its_controls_are_the_same_as_on_the_embedded_store() throws Exception {
        String ghostWork = TestServer.enc(LG.CONCEPT_NS + "ghost-work");
        // Paged fragments of a pattern, not of the whole store: load --update-endpoint leaves out the few entailed
        // triples about blank nodes (README, external mode), which shifts the pages of the unbound pattern.
        for (String path : List.of("/fragments?subject=" + ghostWork, "/fragments?predicate="
                + TestServer.enc("http://www.w3.org/2004/02/skos/core#broader") + "&page=2", "/fragments?predicate="
                + TestServer.enc("http://www.w3.org/2004/02/skos/core#prefLabel") + "&page=3",
                "/fragments?object=" + ghostWork)) {
            Graph here = turtle(body(get(embedded.server, path, "Accept", "text/turtle"), embedded.server));
            Graph there = turtle(body(get(external, path, "Accept", "text/turtle"), external));
            assertTrue(here.size() > 20, path + " holds matches and its controls: " + here);
            assertTrue(IsoMatcher.isomorphic(here, there), path + ": the same triples, count and links in both modes; external:\n"
                    + org.apache.jena.riot.RDFWriter.source(there).lang(Lang.TURTLE).asString());
        }
    }

    static Graph turtle(String body) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, Lang.TURTLE).parse(g);
        return g;
    }

    /** The description's Turtle, its date left out: over an external store it is the time of counting. */
    static Graph description(LabourgraphServer server) throws Exception {
        String body = body(get(server, "/.well-known/void", "Accept", "text/turtle"), server);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, Lang.TURTLE).parse(g);
        g.find(null, DCTerms.modified.asNode(), null).toList().forEach(g::delete);
        return g;
    }

    static String withoutDates(String sitemap) {
        return sitemap.replaceAll("<lastmod>[^<]*</lastmod>", "");
    }

    /** A 200's body, this server's address as ORIGIN. */
    static String body(HttpResponse<String> r, LabourgraphServer server) {
        assertEquals(200, r.statusCode(), r.body());
        return normalised(r, server);
    }
}
