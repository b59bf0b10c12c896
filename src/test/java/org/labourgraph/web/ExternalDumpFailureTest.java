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
    void a_page_that_needs_no_long_answer_still_reads_through_the_same_proxy() throws Exception {
        HttpResponse<String> r = SiteWalk.get(front, "/doc/concept/ghost-work");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("Ghost work") || r.body().contains("ghost work"), "the concept page reads");
    }
}
