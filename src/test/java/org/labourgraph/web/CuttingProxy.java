package org.labourgraph.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SPARQL store that fails mid-answer, for tests: forwards every request to a real store and passes its answer
 * back, except that an answer longer than {@code limit} bytes is cut there and the connection closed, as a store that
 * crashes or times out mid-stream does (its headers promised the whole length). Or a slow store ({@link #delaying}):
 * the requests that hold a marker wait until the proxy closes.
 */
final class CuttingProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "Authorization");

    private final HttpServer server;
    private final URI target;
    private final int limit;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger cut = new AtomicInteger();
    private final String slowMarker;
    /** Released when the proxy closes: the requests that hold {@link #slowMarker} wait for it. */
    private final CountDownLatch released = new CountDownLatch(1);
    /** Threads for a holding proxy, so that a held request does not hold up the others (the client's probes). */
    private final ExecutorService threads;

    private CuttingProxy(URI target, int limit, String slowMarker) throws IOException {
        this.target = target;
        this.limit = limit;
        this.slowMarker = slowMarker;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        threads = slowMarker == null ? null : Executors.newCachedThreadPool();
        if (threads != null) {
            server.setExecutor(threads);
        }
        server.start();
    }

    /** A proxy to the service at {@code target} (a whole URL) that cuts answers past {@code limit} bytes. */
    static CuttingProxy to(URI target, int limit) throws IOException {
        return new CuttingProxy(target, limit, null);
    }

    /**
     * A proxy that answers in full, but holds each request whose query string or body contains {@code marker} until it
     * is closed: a store that never answers that query in time.
     */
    static CuttingProxy holding(URI target, String marker) throws IOException {
        return new CuttingProxy(target, Integer.MAX_VALUE, marker);
    }

    /** The proxy's URL for the service. */
    URI service() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
    }

    /** How many answers were cut so far. */
    int answersCut() {
        return cut.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (slowMarker != null && ((query != null && query.contains(slowMarker))
                    || new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(slowMarker))) {
                try {
                    released.await();
                    return; // the client gave up long ago
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            OutputStream out = exchange.getResponseBody();
            if (bytes.length > limit) {
                cut.incrementAndGet();
                out.write(bytes, 0, limit);
                out.flush();
                // Closing short of the promised length drops the connection: the client sees the answer end early.
                return;
            }
            out.write(bytes);
        } catch (IOException e) {
            // The cut itself ("insufficient bytes written"): the connection is closed, as intended.
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        if (threads != null) {
            threads.shutdown();
        }
    }
}
