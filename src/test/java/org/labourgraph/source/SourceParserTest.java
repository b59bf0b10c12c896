package org.labourgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceParserTest {
    private static final String EX = "@prefix ex: <http://example.org/> .\n";

    @TempDir
    Path dir;

    /** A loopback HTTP server that counts requests: proves the parser never reaches out. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\": {\"name\": \"http://example.org/name\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void turtle_parses_into_a_graph() throws Exception {
        Path file = write("ok.ttl", EX + "ex:a ex:p ex:b .\nex:a ex:p \"x\"@fr .\n");
        assertEquals(2, SourceParser.parse(file).size());
    }

    @Test
    void syntax_error_is_reported_with_file_line_and_column() throws IOException {
        Path file = write("broken.ttl", EX + "ex:a ex:p ex:b .\nex:a lgx:p ex:c .\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(file, error.file());
        assertEquals(3, error.line());
        assertEquals(6, error.column());
        assertEquals("Undefined prefix: lgx", error.detail());
        assertEquals(file + ":3:6: Undefined prefix: lgx", error.getMessage());
    }

    @Test
    void only_the_first_error_of_a_file_is_reported() throws IOException {
        Path file = write("two-errors.ttl", EX + "ex:a ex:p \"x\" \nex:b ex:p ex:c .\nex:a lgx:p ex:c .\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(3, error.line());
        assertEquals(1, error.column());
        assertTrue(error.detail().contains("not terminated by DOT"), error.detail());
    }

    @Test
    void relative_iris_resolve_against_the_default_base() throws Exception {
        Path file = write("relative.ttl", "<id/concept/x> <http://example.org/p> <id/concept/y> .\n");
        Graph graph = SourceParser.parse(file);
        Node x = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/x");
        assertTrue(graph.contains(x, Node.ANY, NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/y")));
    }

    @Test
    void unknown_extension_is_refused_listing_the_supported_ones() throws IOException {
        Path file = write("concepts.tll", EX + "ex:a ex:p ex:b .\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(-1, error.line());
        assertTrue(error.getMessage().startsWith(file + ": cannot tell the RDF syntax from the extension 'tll'"), error.getMessage());
        assertTrue(error.getMessage().contains(".ttl .nt .jsonld .rdf .owl"), error.getMessage());
    }

    @Test
    void quad_syntaxes_are_not_read_as_sources() throws IOException {
        Path file = write("graphs.trig", "<http://example.org/g> { <http://example.org/a> <http://example.org/p> 1 }\n");
        assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SourceParser.parse(file, Lang.TRIG));
        assertTrue(error.getMessage().contains("each source file is one graph"), error.getMessage());
    }

    @Test
    void n_triples_and_an_explicit_syntax_are_read() throws Exception {
        Path file = write("data.txt", "<http://example.org/a> <http://example.org/p> \"v\" .\n");
        assertEquals(1, SourceParser.parse(file, Lang.NTRIPLES).size());
    }

    @Test
    void a_stream_is_reported_under_the_name_given() {
        byte[] turtle = (EX + "ex:a ex:p .\n").getBytes(StandardCharsets.UTF_8);
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class,
                () -> SourceParser.parse(new ByteArrayInputStream(turtle), "upload.ttl", Lang.TURTLE));
        assertEquals(Path.of("upload.ttl"), error.file());
        assertTrue(error.getMessage().startsWith("upload.ttl:2:"), error.getMessage());
    }

    @Test
    void json_ld_with_an_inline_context_is_read() throws Exception {
        Path file = write("inline.jsonld", "{\n  \"@context\": {\"name\": \"http://example.org/name\"},\n"
                + "  \"@id\": \"http://example.org/a\",\n  \"name\": \"v\"\n}\n");
        Graph graph = SourceParser.parse(file);
        assertEquals(1, graph.size());
    }

    @Test
    void json_ld_with_a_remote_context_is_refused_without_network_access() throws IOException {
        String context = serverUrl("/context.jsonld");
        Path file = write("remote.jsonld", "{\n  \"@context\": \"" + context + "\",\n"
                + "  \"@id\": \"http://example.org/a\",\n  \"name\": \"v\"\n}\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(0, requests.get(), "the parser fetched the remote context");
        assertEquals(2, error.line());
        assertEquals(16, error.column());
        assertTrue(error.detail().startsWith("remote JSON-LD context <" + context + "> refused"), error.detail());
        assertTrue(error.detail().contains("put the context inline"), error.detail());
    }

    @Test
    void json_ld_named_as_json_ld_1_1_refuses_remote_contexts_too() {
        byte[] json = ("{\"@context\": \"" + serverUrl("/context.jsonld") + "\", \"@id\": \"http://example.org/a\", \"name\": \"v\"}")
                .getBytes(StandardCharsets.UTF_8);
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class,
                () -> SourceParser.parse(new ByteArrayInputStream(json), "upload.jsonld", Lang.JSONLD11));
        assertEquals(0, requests.get(), "the parser fetched the remote context");
        assertEquals("upload.jsonld:1:15", error.getMessage().substring(0, error.getMessage().indexOf(": ")));
    }

    @Test
    void json_ld_context_from_a_local_file_is_refused_too() throws IOException {
        Path context = write("context.jsonld", "{\"@context\": {\"name\": \"http://example.org/name\"}}");
        Path file = write("local.jsonld", "{\"@context\": \"" + context.toUri() + "\", \"@id\": \"http://example.org/a\", \"name\": \"v\"}");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertTrue(error.detail().startsWith("remote JSON-LD context <file:"), error.detail());
    }

    @Test
    void rdf_xml_with_an_external_entity_is_refused() throws IOException {
        Path secret = write("secret.txt", "SECRET-CONTENT");
        Path file = write("xxe.rdf", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">\n"
                + "  <rdf:Description rdf:about=\"http://example.org/a\"><ex:p>&xxe;</ex:p></rdf:Description>\n"
                + "</rdf:RDF>\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(2, error.line());
        assertTrue(error.detail().startsWith("external entity 'xxe'"), error.detail());
        assertFalse(error.getMessage().contains("SECRET-CONTENT"));
    }

    @Test
    void rdf_xml_with_an_external_dtd_is_refused_without_network_access() throws IOException {
        Path file = write("dtd.rdf", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rdf:RDF SYSTEM \"" + serverUrl("/rdf.dtd") + "\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">\n"
                + "  <rdf:Description rdf:about=\"http://example.org/a\"><ex:p>v</ex:p></rdf:Description>\n"
                + "</rdf:RDF>\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(0, requests.get(), "the parser fetched the DTD");
        assertEquals(2, error.line());
        assertTrue(error.detail().startsWith("external DTD"), error.detail());
    }

    @Test
    void rdf_xml_with_internal_entities_is_read() throws Exception {
        Path file = write("entities.owl", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rdf:RDF [ <!ENTITY ex \"http://example.org/\"> ]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"&ex;\">\n"
                + "  <rdf:Description rdf:about=\"&ex;a\"><ex:p>v</ex:p></rdf:Description>\n"
                + "</rdf:RDF>\n");
        Graph graph = SourceParser.parse(file);
        assertTrue(graph.contains(NodeFactory.createURI("http://example.org/a"),
                NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString("v")));
    }

    @Test
    void malformed_rdf_xml_is_reported_with_its_position() throws IOException {
        Path file = write("bad.rdf", "<?xml version=\"1.0\"?>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"http://example.org/a\">\n"
                + "</rdf:RDF>\n");
        RdfSyntaxException error = assertThrows(RdfSyntaxException.class, () -> SourceParser.parse(file));
        assertEquals(4, error.line());
    }
}
