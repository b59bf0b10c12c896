package org.labourgraph.web.interop;

import org.labourgraph.web.ServerTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.labourgraph.export.ExportTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dumps over HTTP: media types, gzip, validators and 304, traversal, CORS. The tests share one server and
 * its order does not matter: the one write ({@code the_etag_changes_when_the_store_changes}) is an empty
 * commit that adds and removes no statement, and validators are only compared within the test that fetched them.
 */
class DumpsOverHttpTest extends ServerTest {

    static HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        return server.getBytes(path, headers);
    }

    /**
     * Every format over HTTP, plain and gzipped: 200 with its media type and validators, both read back by an RDF
     * parser into the same statements, and those are what the source files say (the quad formats keep one named
     * graph per file; the triple formats hold their merge).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ttl:text/turtle", "nt:application/n-triples", "nq:application/n-quads", "trig:application/trig",
            "jsonld:application/ld+json", "rdf:application/rdf+xml", "brf:application/x-binary-rdf"})
    void every_dump_is_served_with_its_media_type_and_as_gzip_and_holds_the_source_files(String extAndType) throws Exception {
        String[] parts = extAndType.split(":");
        HttpResponse<byte[]> plain = getBytes("dumps/labourgraph." + parts[0]);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith(parts[1]),
                plain.headers().firstValue("Content-Type").orElse(""));
        assertTrue(plain.headers().firstValue("ETag").isPresent());
        assertTrue(plain.headers().firstValue("Last-Modified").isPresent());
        HttpResponse<byte[]> gz = getBytes("dumps/labourgraph." + parts[0] + ".gz");
        assertEquals(200, gz.statusCode());
        assertEquals("application/gzip", gz.headers().firstValue("Content-Type").orElse(""));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        DatasetGraph fromPlain = ExportTestSupport.read(plain.body(), parts[0]);
        DatasetGraph fromGz = ExportTestSupport.read(unzipped, parts[0]);
        boolean quads = Set.of("nq", "trig", "brf").contains(parts[0]);
        DatasetGraph expected = quads ? ExportTestSupport.publicQuads() : DatasetGraphFactory.wrap(ExportTestSupport.publicTriples());
        assertTrue(IsoMatcher.isomorphic(expected, fromPlain), parts[0] + " over HTTP differs from the source files");
        assertTrue(IsoMatcher.isomorphic(fromPlain, fromGz), "the .gz holds the same statements as the plain " + parts[0]);
    }

    @Test
    void the_turtle_dump_over_http_equals_the_merge_of_the_source_files() throws Exception {
        HttpResponse<byte[]> r = getBytes("dumps/labourgraph.ttl");
        assertEquals(200, r.statusCode());
        Graph read = ExportTestSupport.read(r.body(), "ttl").getDefaultGraph();
        Graph expected = ExportTestSupport.publicTriples();
        assertEquals(expected.size(), read.size(), "triples in the Turtle dump");
        assertTrue(expected.isIsomorphicWith(read));
    }

    @Test
    void the_skos_dump_is_served() throws Exception {
        HttpResponse<String> r = server.get("dumps/labourgraph-skos.ttl");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("skos:ConceptScheme"));
    }

    @Test
    void a_revalidation_with_the_etag_or_the_date_gets_304() throws Exception {
        HttpResponse<byte[]> first = getBytes("dumps/labourgraph.nt");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, getBytes("dumps/labourgraph.nt", "If-None-Match", etag).statusCode());
        assertEquals(304, getBytes("dumps/labourgraph.nt", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, getBytes("dumps/labourgraph.nt", "If-None-Match", "\"something-else\"").statusCode());
        String otherEtag = getBytes("dumps/labourgraph.ttl").headers().firstValue("ETag").orElseThrow();
        assertTrue(!otherEtag.equals(etag), "each file has its own ETag");
    }

    @Test
    void the_etag_changes_when_the_store_changes() throws Exception {
        String before = getBytes("dumps/labourgraph.nq").headers().firstValue("ETag").orElseThrow();
        DatasetGraph dsg = server.store.dataset();
        org.apache.jena.system.Txn.executeWrite(dsg, () -> { /* an empty committed write still counts as a change */ });
        String after = getBytes("dumps/labourgraph.nq").headers().firstValue("ETag").orElseThrow();
        assertTrue(!before.equals(after), before + " vs " + after);
        assertEquals(200, getBytes("dumps/labourgraph.nq", "If-None-Match", before).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dumps/labourgraph.exe", "/dumps/", "/dumps/LABOURGRAPH.TTL", "/dumps/passwd", "/dumps/labourgraph.ttl.zip",
            "/dumps/labourgraph.ttl/x"})
    void unknown_dump_names_get_404(String path) throws Exception {
        assertEquals(404, rawStatus(path), path);
    }

    /**
     * Dot segments and encoded dots, slashes, backslashes and percents never reach a servlet: Jetty refuses them
     * (its URI compliance) before any handler runs, and the answer is the one for a path that names nothing, 404;
     * names that do reach the servlet are looked up in a fixed list, never turned into a path.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/dumps/../../etc/passwd", "/dumps/..%2f..%2fetc%2fpasswd", "/dumps/%2e%2e/%2e%2e/etc/passwd",
            "/dumps/labourgraph.ttl/../../../etc/passwd", "/dumps/..%5c..%5cetc%5cpasswd", "/dumps/%252e%252e/etc/passwd",
            "/dumps/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/dumps/..;/..;/etc/passwd", "/static/../../etc/passwd",
            "/static/%2e%2e/%2e%2e/etc/passwd", "/doc/..%2f..%2fetc%2fpasswd"})
    void traversal_attempts_answer_404_without_reading_anything(String path) throws Exception {
        assertEquals(404, rawStatus(path), path);
    }

    @Test
    void a_malformed_request_line_stays_a_400() throws Exception {
        assertEquals(400, rawStatus("/dumps/a b"));
    }

    @Test
    void dumps_and_the_description_allow_cross_origin_requests() throws Exception {
        for (String path : new String[] {"dumps/labourgraph.ttl", ".well-known/void", "context.jsonld", "sitemap.xml"}) {
            HttpResponse<byte[]> r = getBytes(path, "Origin", "https://example.org");
            assertEquals(200, r.statusCode(), path);
            assertNotNull(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path + " has no CORS header");
        }
    }

    /** Sends the path byte for byte (the JDK client would refuse or normalise some of these). */
    static int rawStatus(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
