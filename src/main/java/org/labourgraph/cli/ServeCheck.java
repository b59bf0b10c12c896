package org.labourgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code serve --check}: the server just started answers a SPARQL query, its home page and a search, asked over
 * loopback as a client would. Each answer is printed with its status and time; the check passes when all are 200.
 */
final class ServeCheck {
    private ServeCheck() {}

    /** One request of the check: what it shows, the path under the server's base, what the client accepts. */
    record Probe(String what, String path, String accept) {}

    static final List<Probe> PROBES = List.of(
            new Probe("SPARQL query", "sparql?query=" + URLEncoder.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8),
                    "application/sparql-results+json"),
            new Probe("home page", "", "text/html"),
            new Probe("search", "api/search?q=travail", "application/json"));

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Sends every probe to {@code baseUrl} (ending in /) and prints one line each; returns 0 if all answered 200, else 1. */
    static int run(String baseUrl, PrintStream out) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        int failed = 0;
        for (Probe probe : PROBES) {
            URI uri = URI.create(baseUrl + probe.path());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", probe.accept()).GET().build();
            long start = System.nanoTime();
            String outcome;
            boolean ok;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ok = response.statusCode() == 200;
                outcome = response.statusCode() + ", " + response.body().length + " bytes";
            } catch (IOException e) {
                ok = false;
                outcome = "no answer: " + e.getMessage();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.printf(Locale.ROOT, "%-6s %-13s %s  (%s, %d ms)%n", ok ? "ok" : "FAILED", probe.what(), uri, outcome, ms);
            if (!ok) {
                failed++;
            }
        }
        out.println(failed == 0
                ? "Check passed: the server answered every request."
                : "Check failed: " + failed + " of " + PROBES.size() + " requests did not answer 200 (see above; --verbose logs why).");
        return failed == 0 ? 0 : 1;
    }
}
