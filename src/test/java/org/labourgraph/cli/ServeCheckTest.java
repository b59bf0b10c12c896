package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import org.labourgraph.store.LabourStore;

/** {@code serve --check}: start, ask the server as a client would, stop; the exit code says whether it answered. */
class ServeCheckTest {

    @TempDir
    Path dir;

    @Test
    void serve_check_loads_the_store_answers_a_query_the_home_page_and_a_search_then_stops_with_exit_0() throws Exception {
        FixtureTree tree = FixtureTree.copyInto(dir);
        Path store = dir.resolve("store");
        LoadCommandTest.Run run = LoadCommandTest.run("serve", "--check", "--port", "0", "--store", store.toString(),
                "--root", tree.root().toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*ok +SPARQL query +http://127\\.0\\.0\\.1:\\d+/sparql\\?query=SELECT.*\\(200, .*"), run.out());
        assertTrue(run.out().matches("(?s).*ok +home page +http://127\\.0\\.0\\.1:\\d+/ +\\(200, .*"), run.out());
        assertTrue(run.out().matches("(?s).*ok +search +http://127\\.0\\.0\\.1:\\d+/api/search\\?q=travail +\\(200, .*"), run.out());
        assertTrue(run.out().contains("Check passed: the server answered every request."), run.out());
        try (LabourStore reopened = LabourStore.open(store)) {
            assertTrue(reopened.quadCount() > 0, "the check's start loaded ontology/ and data/, and the store was released");
        }
    }

    @Test
    void a_request_that_does_not_answer_200_fails_the_check_and_is_named() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int status = exchange.getRequestURI().getPath().startsWith("/api/search") ? 500 : 200;
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ServeCheck.run("http://127.0.0.1:" + server.getAddress().getPort() + "/", new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, exit, text);
            assertTrue(text.matches("(?s).*FAILED +search .*\\(500, 2 bytes, .*"), text);
            assertTrue(text.matches("(?s).*ok +SPARQL query .*"), text);
            assertTrue(text.contains("Check failed: 1 of 3 requests did not answer 200"), text);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void check_with_an_external_endpoint_is_a_usage_error() {
        LoadCommandTest.Run run = LoadCommandTest.run("serve", "--check", "--port", "0", "--sparql-endpoint", "http://127.0.0.1:9/sparql");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("--check runs on the embedded store"), run.err());
    }
}
