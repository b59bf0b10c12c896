package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.vocab.LG;

/**
 * The generated w3id.org rules, served by a real Apache httpd the way w3id.org serves its repository ({@code .htaccess}
 * in the project's directory, mod_rewrite) in front of a running labourgraph: for each kind of IRI and each
 * {@code Accept}, a client that follows the redirects ends where the server alone sends it, with the same statuses.
 */
class W3idBehindApacheTest {
    static final List<String> ACCEPTS = List.of("text/html", "text/turtle", "application/ld+json", "application/rdf+xml");
    static final String CONCEPT = "concept/" + LG.TOP_CONCEPT_IRI.substring(LG.CONCEPT_NS.length());

    static TestServer server;
    static ApacheHttpd apache;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer on the way: its status, its Location made absolute (null when none) and, at the end, its media type. */
    record Hop(int status, URI location, String mediaType) {}

    @BeforeAll
    static void start(@TempDir Path home) throws Exception {
        boolean installed = ApacheHttpd.installed();
        // On CI (.ci/run installs apache2) a missing httpd is a failure, not a skip.
        assertTrue(installed || !"true".equals(System.getenv("CI")), "CI must have apache2 (see .ci/run)");
        assumeTrue(installed, "Apache httpd is not installed: apt-get install -y apache2");
        server = TestServer.start();
        Path documentRoot = home.resolve("w3id.org");
        W3idRedirects.to(server.server.baseUrl()).writeTo(documentRoot.resolve(W3idRedirects.DIRECTORY));
        apache = ApacheHttpd.serve(documentRoot, home);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (apache != null) {
            apache.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The w3id IRI of a path, as this Apache serves it: http://127.0.0.1:port/labourgraph/path. */
    static URI viaW3id(String path) {
        return URI.create("http://127.0.0.1:" + apache.port + "/" + W3idRedirects.DIRECTORY + "/" + path);
    }

    static URI onServer(String path) {
        return server.uri(path);
    }

    /** Follows redirects by hand (at most 5) as a client does: GET after 301/302/303, the same method and body after 307/308. */
    static List<Hop> chain(URI start, String method, String body, String accept) throws IOException, InterruptedException {
        List<Hop> hops = new ArrayList<>();
        URI at = start;
        for (int i = 0; i < 5; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(30)).header("Accept", accept);
            if (body != null) {
                b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<Void> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding());
            var location = r.headers().firstValue("Location").map(at::resolve);
            String type = r.headers().firstValue("Content-Type").map(t -> t.replaceFirst(";.*", "").trim()).orElse("");
            if (location.isEmpty() || r.statusCode() / 100 != 3) {
                hops.add(new Hop(r.statusCode(), null, type));
                return hops;
            }
            hops.add(new Hop(r.statusCode(), location.get(), null));
            at = location.get();
            if (r.statusCode() != 307 && r.statusCode() != 308) {
                method = "GET";
                body = null;
            }
        }
        throw new AssertionError("more than 5 redirects from " + start + ": " + hops);
    }

    static List<Hop> get(URI start, String accept) throws IOException, InterruptedException {
        return chain(start, "GET", null, accept);
    }

    /** For each Accept: the chain through w3id is {@code expected(serverChain)}. */
    static void assertEachAccept(String path, Function<List<Hop>, List<Hop>> expected) {
        List<Executable> checks = new ArrayList<>();
        for (String accept : ACCEPTS) {
            checks.add(() -> {
                List<Hop> alone = get(onServer(path), accept);
                assertEquals(expected.apply(alone), get(viaW3id(path), accept),
                        () -> path + " with Accept: " + accept + " (server alone: " + alone + ")\n" + apache.log());
            });
        }
        assertAll(path, checks);
    }

    /** The w3id hop ({@code status} to the same path on the deployment), then what the server alone answers there. */
    static Function<List<Hop>, List<Hop>> oneRedirectThenTheServer(String path, int status) {
        return alone -> {
            List<Hop> hops = new ArrayList<>();
            hops.add(new Hop(status, onServer(path), null));
            hops.addAll(alone);
            return hops;
        };
    }

    @Test
    void an_id_iri_answers_303_to_its_document_on_the_deployment_exactly_as_the_server_itself_does() {
        for (String path : List.of("id/" + CONCEPT, "id/" + CONCEPT + "?lang=fr", "id/concept/no-such-concept")) {
            assertEachAccept(path, alone -> alone);
        }
    }

    @Test
    void an_id_iri_through_w3id_ends_at_the_document_with_the_representation_the_accept_asked_for() throws Exception {
        List<Hop> hops = get(viaW3id("id/" + CONCEPT), "text/turtle");
        assertEquals(List.of(new Hop(303, onServer("doc/" + CONCEPT), null), new Hop(200, null, "text/turtle")), hops);
    }

    @Test
    void a_document_redirects_once_to_the_deployment_which_negotiates_as_it_alone_would() {
        for (String path : List.of("doc/" + CONCEPT, "doc/" + CONCEPT + ".ttl", "doc/" + CONCEPT + "?format=jsonld", "doc/concept/no-such-concept")) {
            assertEachAccept(path, oneRedirectThenTheServer(path, 302));
        }
    }

    @Test
    void the_ontology_and_each_released_version_iri_redirect_once_then_the_server_picks_html_or_rdf() {
        String versionIri = OntologyVersionsTest.shippedVersionIri();
        String version = versionIri.substring(LG.DEFAULT_BASE.length());
        for (String path : List.of("ontology", "ontology.ttl", version, version + ".jsonld", "ontology/9.9.9")) {
            assertEachAccept(path, oneRedirectThenTheServer(path, 302));
        }
    }

    @Test
    void dumps_redirect_once_to_the_deployment_s_files() {
        for (String path : List.of("dumps/labourgraph.ttl.gz", "dumps/labourgraph-skos.ttl", "dumps/no-such-dump.ttl")) {
            assertEachAccept(path, oneRedirectThenTheServer(path, 302));
        }
    }

    @Test
    void a_sparql_query_redirects_with_307_so_that_a_post_stays_a_post() throws Exception {
        String query = "query=" + TestServer.enc("ASK { ?s ?p ?o }");
        assertEachAccept("sparql?" + query, oneRedirectThenTheServer("sparql?" + query, 307));
        String accept = "application/sparql-results+json";
        List<Hop> alone = chain(onServer("sparql"), "POST", query, accept);
        assertEquals(List.of(new Hop(200, null, accept)), alone);
        assertEquals(oneRedirectThenTheServer("sparql", 307).apply(alone), chain(viaW3id("sparql"), "POST", query, accept));
    }

    @Test
    void the_rest_of_the_site_under_the_base_redirects_to_the_same_path_on_the_deployment() {
        for (String path : List.of("", "dataset", "context.jsonld")) {
            assertEachAccept(path, oneRedirectThenTheServer(path, 307));
        }
    }
}
