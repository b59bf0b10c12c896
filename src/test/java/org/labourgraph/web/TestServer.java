package org.labourgraph.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.labourgraph.ProjectPaths;
import org.labourgraph.ShippedStore;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.store.LabourStore;

/** A real server on port 0 over an in-memory store loaded from the project's ontology/ and data/. */
public final class TestServer implements AutoCloseable {
    public final LabourStore store;
    public final LabourgraphServer server;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(LabourStore store, LabourgraphServer server) {
        this.store = store;
        this.server = server;
    }

    public static TestServer start() {
        return start(s -> s);
    }

    public static TestServer start(UnaryOperator<ServerSettings> configure) {
        return start(store -> { }, configure);
    }

    /** A server over the shipped data plus what {@code prepare} adds to the store before the server starts. */
    public static TestServer start(java.util.function.Consumer<LabourStore> prepare, UnaryOperator<ServerSettings> configure) {
        LabourStore store = ShippedStore.load();
        prepare.accept(store);
        ServerSettings settings = configure.apply(ServerSettings.defaults(ProjectPaths.root()).withPort(0));
        long quads = store.quadCount();
        LabourgraphServer server = LabourgraphServer.build(settings, store,
                () -> LabourgraphServer.healthBody(quads, Instant.now())).start();
        return new TestServer(store, server);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(server.baseUrl() + pathAndQuery);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> query(String sparql, String accept) throws IOException, InterruptedException {
        return get("sparql?query=" + enc(sparql), "Accept", accept);
    }

    /** GET with the body as bytes (dumps, gzip). */
    public HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any method, with a body ({@code contentType} may be null) and headers as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        return http.send(request(uri(path), method, contentType, body, headers), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The tests' one way to build a request: any method, a body or none ({@code body} and {@code contentType} may be
     * null), headers as name, value pairs, a 30 s timeout.
     */
    public static HttpRequest request(URI uri, String method, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b.build();
    }

    /**
     * The answer of a SPARQL ASK over /sparql: fails the test unless the endpoint answered 200 with a JSON
     * boolean, so an ASK that errors can never pass for "false".
     */
    public boolean ask(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = query(query, "application/sparql-results+json");
        if (r.statusCode() != 200) {
            throw new AssertionError("ASK answered " + r.statusCode() + ": " + r.body() + "\n" + query);
        }
        var value = org.apache.jena.atlas.json.JSON.parse(r.body()).get("boolean");
        if (value == null || !value.isBoolean()) {
            throw new AssertionError("ASK gave no boolean: " + r.body());
        }
        return value.getAsBoolean().value();
    }

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
