package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.labourgraph.sparql.QueryLibrary;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.StoreUnavailableException;

/**
 * A dump over an external store that fails partway through its answer: the front-end must never hand out a shorter
 * dump as if it were whole. Between the front-end and a stock Fuseki holding the data sits a proxy that cuts every
 * answer longer than a few kilobytes (the counts and graph lists pass, the statements of a graph do not).
 */
@DisplayName("serve --sparql-endpoint: a store that fails mid-dump cuts the dump, never ends it as complete")
@Tag("slow")
class ExternalDumpFailureTest {
    private static final int CUT_AFTER_BYTES = 4096;

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static CuttingProxy proxy;
    static LabourgraphServer front;

    @BeforeAll
    static void startAStoreBehindAProxyThatCutsLongAnswers() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", fuseki.service("update").toString()));
            SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
            assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/");
            proxy = CuttingProxy.to(fuseki.service("sparql"), CUT_AFTER_BYTES);
            front = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20))
                    .withRemote(new RemoteEndpoint(proxy.service(), Optional.empty(), Optional.empty(), Optional.empty()))).start();
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
        if (proxy != null) {
            proxy.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
        front = null;
        proxy = null;
        fuseki = null;
    }

    @Test
    void every_dump_is_a_502_or_a_connection_cut_short_never_a_complete_200() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String name : List.of("labourgraph.nt", "labourgraph.nq.gz", "labourgraph.ttl", "labourgraph-skos.ttl")) {
            int cutBefore = proxy.answersCut();
            HttpRequest get = HttpRequest.newBuilder(URI.create(front.baseUrl() + "dumps/" + name)).timeout(Duration.ofSeconds(60)).build();
            try {
                HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(502, r.statusCode(), name + ": a dump read whole although the store's answer was cut ("
                        + r.body().length + " bytes)");
            } catch (IOException cutShort) {
                // The headers had gone: the body ends without its last chunk, which every HTTP client reports as an error
                // (here "EOF reached while reading"); a complete 200 would have been read without one.
            }
            assertTrue(proxy.answersCut() > cutBefore, name + ": the proxy cut the store's answer");
        }
    }

    @Test
    void a_short_answer_still_reads_through_the_same_proxy() throws Exception {
        // Every description of the shipped data is longer than the cut (bilingual texts): the short answer is that of
        // a resource that does not exist, whose page is a 404 from the rows read whole, not a 502.
        int cutBefore = proxy.answersCut();
        HttpResponse<String> r = SiteWalk.get(front, "/doc/concept/no-such-concept");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(cutBefore, proxy.answersCut(), "nothing was cut");
    }

    @Test
    void a_page_whose_answer_the_store_cuts_is_a_502_never_part_of_the_resource() throws Exception {
        HttpResponse<String> r = throughTheCut("/doc/concept/ghost-work", "ghost work's description is longer than the cut");
        assertEquals(502, r.statusCode(), "a description read in part must not be served as the resource");
        assertTrue(r.body().contains("ended early"), r.body());
    }

    @Test
    void a_graph_answer_cut_short_is_a_502_too() throws Exception {
        HttpResponse<String> r = throughTheCut("/ontology", "the ontology's statements are longer than the cut");
        assertEquals(502, r.statusCode(), "an ontology read in part must not be served as the ontology");
    }

    /** The front-end's answer to {@code path}, once checked that the proxy cut the store's answer on the way. */
    private static HttpResponse<String> throughTheCut(String path, String why) throws Exception {
        int cutBefore = proxy.answersCut();
        HttpResponse<String> r = SiteWalk.get(front, path);
        assertTrue(proxy.answersCut() > cutBefore, why);
        return r;
    }

    @Test
    void rows_cut_short_fail_the_query_instead_of_ending_it() {
        RemoteSparqlService service = new RemoteSparqlService(new RemoteEndpoint(proxy.service(), Optional.empty(),
                Optional.empty(), Optional.empty()), Duration.ofSeconds(20));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> QueryRunner.remote(service).forEachRow(QueryLibrary.ASSERTED_DATA, java.util.Map.of(), row -> { }));
        assertTrue(e.getMessage().contains("ended early"), e.getMessage());
    }
}
