package org.labourgraph.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The labourgraph server a mirror copies, over HTTP: its N-Quads dump with the revision it holds
 * ({@code X-Labourgraph-Revision}), its list of revisions ({@code /changes.json?since=N}) and each revision's public
 * patch ({@code /changes/N}). A failure to reach it, or an answer other than 200, is an {@link IOException} naming the
 * URL: the mirror tries again later.
 */
public final class MirrorSource {
    static final String REVISION_HEADER = "X-Labourgraph-Revision";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param url the source's address, e.g. {@code http://127.0.0.1:8080/} (a trailing slash is added if missing) */
    public MirrorSource(String url) {
        URI parsed = URI.create(url);
        if (parsed.getScheme() == null || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--from takes the http(s) address of a labourgraph server, e.g."
                    + " http://127.0.0.1:8080/, not '" + url + "'");
        }
        this.base = url.endsWith("/") ? url : url + "/";
    }

    public String url() {
        return base;
    }

    /** The dump written to {@code file}, and the revision it holds. */
    public long dumpTo(Path file) throws IOException {
        HttpResponse<InputStream> r = send("dumps/labourgraph.nq", HttpResponse.BodyHandlers.ofInputStream());
        String revision = r.headers().firstValue(REVISION_HEADER).orElse("");
        try (InputStream in = r.body()) {
            if (!revision.matches("[0-9]{1,18}")) {
                throw new MirrorException(base + "dumps/labourgraph.nq does not say which revision it holds (no "
                        + REVISION_HEADER + " header): the source is not a labourgraph server with a change feed.");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return Long.parseLong(revision);
    }

    /** One page of the list of revisions after {@code since}. */
    public JsonObject changesSince(long since) throws IOException {
        HttpResponse<String> r = send("changes.json?since=" + since, HttpResponse.BodyHandlers.ofString());
        try {
            return JSON.parse(r.body());
        } catch (RuntimeException e) {
            throw new IOException(base + "changes.json?since=" + since + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The public patch of revision {@code number}, as bytes. */
    public byte[] patch(long number) throws IOException {
        return send("changes/" + number, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        HttpResponse<T> r;
        try {
            r = http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + base + path, e);
        }
        if (r.statusCode() != 200) {
            if (r.body() instanceof InputStream in) {
                in.close();
            }
            throw new IOException(base + path + " answered " + r.statusCode() + ", not 200");
        }
        return r;
    }
}
