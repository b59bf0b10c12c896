package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.labourgraph.web.AppHttp.enc;
import static org.labourgraph.web.AppHttp.get;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
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
import org.labourgraph.sparql.RemoteSparqlSearch;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.SearchDialect;
import org.labourgraph.vocab.LG;

/**
 * {@code serve --sparql-endpoint} in front of a standalone Fuseki whose dataset has a jena-text index of the labels
 * (fuseki-text-tdb2.ttl): search finds that index at its first use and asks it, the portable query answering what
 * the index cannot (text inside a word).
 */
@DisplayName("serve --sparql-endpoint: search through a Fuseki's own jena-text index")
@Tag("slow")
class ExternalJenaTextSearchTest {
    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static LabourgraphServer app;

    @BeforeAll
    static void startFusekiWithATextIndexLoadTheGraphAndStartTheApp() throws Exception {
        try {
            fuseki = StandaloneFuseki.start(work.resolve("fuseki"), "fuseki-text-tdb2.ttl");
            fuseki.putProjectSources();
            RemoteSparqlService loader = new RemoteSparqlService(endpoint(), Duration.ofSeconds(60));
            // One concept with the word, one with it inside a longer word: only the portable query finds both.
            Graph test = GraphFactory.createDefaultGraph();
            RDFParser.fromString("""
                    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                    <%1$szorblax-a> a skos:Concept ; skos:prefLabel "zorblax ahead"@en .
                    <%1$szorblax-b> a skos:Concept ; skos:prefLabel "prezorblax behind"@en .
                    """.formatted(LG.CONCEPT_NS), org.apache.jena.riot.Lang.TURTLE).parse(test);
            loader.putGraph(LG.GRAPH_NS + "test-search", test);
            app = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(10)).withRemote(endpoint())).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (fuseki != null) {
            fuseki.close();
            fuseki = null;
        }
    }

    private static RemoteEndpoint endpoint() {
        // Its dataset's default graph is the union (fuseki-text-tdb2.ttl): --data-graphs store-default.
        return new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                Optional.of(fuseki.service("data")), Optional.empty(), DataGraphs.parse("store-default"));
    }

    @Test
    void searchIsDetectedAsJenaText() {
        assertEquals(SearchDialect.JENA_TEXT, new RemoteSparqlSearch(new RemoteSparqlService(endpoint(), Duration.ofSeconds(10))).dialect());
    }

    @Test
    void aWholeWordIsFoundThroughTheIndexAndMidWordTextThroughThePortableQuery() throws Exception {
        assertEquals(List.of(LG.CONCEPT_NS + "zorblax-a"), searchIris("zorblax"), "the index matches whole words and word starts");
        assertEquals(Set.of(LG.CONCEPT_NS + "zorblax-a", LG.CONCEPT_NS + "zorblax-b"), Set.copyOf(searchIris("rblax")),
                "text inside words: the index has nothing, the portable query answers");
    }

    @Test
    void searchFoldsAccentsAndCaseThroughTheIndex() throws Exception {
        HttpResponse<String> r = get(app, "api/search?q=" + enc("TRAVAIL fantome"), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = JSON.parse(r.body()).get("results").getAsArray();
        assertFalse(results.isEmpty(), r.body());
        assertEquals(LG.CONCEPT_NS + "ghost-work", results.get(0).getAsObject().getString("iri"), r.body());
    }

    private static List<String> searchIris(String q) throws Exception {
        HttpResponse<String> r = get(app, "api/search?q=" + enc(q), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("results").getAsArray().stream()
                .map(o -> o.getAsObject().getString("iri")).toList();
    }
}
