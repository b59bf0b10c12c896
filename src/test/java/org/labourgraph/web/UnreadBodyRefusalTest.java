package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;

/**
 * A refusal (or any answer) given before the request's body was read says {@code Connection: close}, and the server
 * closes: a client that reused the connection would otherwise send its next request into a socket Jetty then closes
 * (Java's HttpClient: "header parser received no bytes"). A refusal after the body was read to its end keeps the
 * connection, which serves the next request. The client here is a raw socket that sends a request's head and holds
 * its body back until it has read the answer, so whether the server read the body does not depend on timing. Only
 * refusals and reads are made (nothing is written to the store), so the tests share one server.
 */
class UnreadBodyRefusalTest {
    static final String ADA = TestServer.basic("ada", "s3cret-pass");
    static final long LIMIT = 1000;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd).withMaxRequestBytes(LIMIT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_413_for_a_declared_length_over_the_limit_reads_the_body_and_keeps_the_connection() throws Exception {
        try (Raw c = Raw.open()) {
            String body = "x".repeat((int) LIMIT + 1);
            c.send(head("POST", "/sparql", "Content-Type: application/sparql-query", "Content-Length: " + body.length()) + body);
            assertEquals(413, c.answer().status());
            assertNextRequestServed(c);
        }
    }

    @Test
    void a_413_for_a_chunked_edit_past_the_limit_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            String chunk = "x".repeat((int) LIMIT + 1);
            c.send(head("PUT", "/doc/concept/content-moderation", "Authorization: " + ADA, "Content-Type: text/turtle",
                    "Transfer-Encoding: chunked") + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            assertClosedAfter(c, 413); // the last chunk was never sent
        }
    }

    @Test
    void a_415_for_an_edit_reads_the_body_first_and_keeps_the_connection() throws Exception {
        try (Raw c = Raw.open()) {
            String body = "<urn:x:a> <urn:x:b> <urn:x:c> .";
            c.send(head("PUT", "/doc/concept/content-moderation", "Authorization: " + ADA, "Content-Type: text/plain",
                    "Content-Length: " + body.length()) + body);
            assertEquals(415, c.answer().status());
            assertNextRequestServed(c);
        }
    }

    @Test
    void a_login_challenge_before_the_body_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            c.send(head("PUT", "/doc/concept/content-moderation", "Content-Type: text/turtle", "Content-Length: 64"));
            assertClosedAfter(c, 401);
        }
    }

    @Test
    void a_refused_revert_whose_body_was_never_read_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            c.send(head("POST", "/history/revert", "Authorization: " + ADA, "Content-Type: text/plain", "Content-Length: 64"));
            assertClosedAfter(c, 400); // no ?rev=: refused as JSON, the body unread
        }
    }

    @Test
    void a_private_import_refused_before_its_body_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            c.send(head("POST", "/curator/private", "Authorization: " + ADA, "Content-Type: text/turtle", "Content-Length: 64"));
            assertClosedAfter(c, 400); // Turtle without ?graph=: refused before the body is parsed
        }
    }

    @Test
    void a_default_graph_upload_refused_before_its_body_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            c.send(head("PUT", "/data", "Authorization: " + ADA, "Content-Type: text/turtle", "Content-Length: 64"));
            assertClosedAfter(c, 400);
        }
    }

    @Test
    void a_success_that_ignored_the_body_says_connection_close() throws Exception {
        try (Raw c = Raw.open()) {
            c.send(head("GET", "/health", "Content-Type: text/plain", "Content-Length: 64"));
            assertClosedAfter(c, 200);
        }
    }

    @Test
    void an_external_mode_refusal_before_the_body_says_connection_close() throws Exception {
        // Port 9 (discard): nothing listens there; the refusal never reaches the external service.
        URI nowhere = URI.create("http://127.0.0.1:9/ds/sparql");
        ServerSettings remote = ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                .withRemote(new RemoteEndpoint(nowhere, Optional.empty(), Optional.empty(), Optional.empty()));
        try (LabourgraphServer app = LabourgraphServer.buildRemote(remote).start();
             Raw c = Raw.open(URI.create(app.baseUrl()).getPort())) {
            c.send(head("POST", "/sparql", "Content-Type: text/plain", "Content-Length: 64"));
            assertClosedAfter(c, 415);
        }
    }

    private static String head(String method, String path, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** The answer has this status and says Connection: close, and the server then closes the connection. */
    private static void assertClosedAfter(Raw c, int status) throws IOException {
        Answer a = c.answer();
        assertEquals(status, a.status(), a.body());
        assertEquals("close", a.header("connection"), "an answer that left the body unread announces the close: " + a.body());
        int next;
        try {
            next = c.in.read();
        } catch (SocketException e) {
            next = -1; // reset rather than closed in order: closed all the same
        }
        assertEquals(-1, next, "the server closed the connection after the answer");
    }

    /** The same connection answers the next request. */
    private static void assertNextRequestServed(Raw c) throws IOException {
        c.send(head("GET", "/health"));
        assertEquals(200, c.answer().status(), "the connection serves the next request");
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** One HTTP/1.1 connection, written and read by hand. */
    private static final class Raw implements AutoCloseable {
        private final Socket socket;
        final InputStream in;
        private final OutputStream out;

        private Raw(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Raw open() throws IOException {
            return open(server.uri("").getPort());
        }

        static Raw open(int port) throws IOException {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setSoTimeout(30_000); // a server that neither answers nor closes fails the test instead of hanging it
            return new Raw(s);
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        Answer answer() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.merge(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(),
                        (a, b) -> a + ", " + b);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String t = line(); !t.isEmpty(); t = line()) {
                    // trailers: none expected
                }
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                body.write(in.readAllBytes()); // delimited by the close
            }
            return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer after: " + b.toString(StandardCharsets.UTF_8));
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
