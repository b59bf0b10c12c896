package org.labourgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * One-triple curator edits on a running server, one at a time, each timed from request to answer: through SPARQL
 * Update ({@code /update}), the Graph Store Protocol ({@code /data}) and an RDF Patch on the resource
 * ({@code PATCH /doc/…}), on a leaf concept and on a concept just under the top of the tree; and moving the latter
 * under a sibling and back (two links, the root of a whole subtree). Every edit is undone by the next, so
 * the store ends as it began. Each series ({@code edit/<kind>/<where>}) goes to the results as p50, p99 and max in ms.
 */
final class CuratorEdits {
    /** The series of the subtree moves: not a one-triple edit, so reported without that target. */
    static final String SUBTREE_MOVE = "edit/move-subtree/near-top";
    static final String USER = "bench-curator";
    private static final String PASSWORD = "bench-only-loopback";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String EDIT_GRAPH = "https://w3id.org/labourgraph/graph/bench-edits";
    private static final String PUT_GRAPH = EDIT_GRAPH + "-put";
    /** Timed edits per kind and place: with 100, the p99 is the second slowest, not the slowest alone. */
    static final int EDITS = 100;
    /** Untimed edits per kind first, on a concept of their own: the server's first writes compile its write path. */
    static final int WARM_UP_EDITS = 20;
    /** Subtree moves, there and back: each takes seconds at 10^6 triples. */
    static final int MOVES = 10;
    private static final UpdateRequest MOVE_SUBTREE = readUpdate("move-subtree.ru");

    private final Map<String, LatencyRecorder> latencies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static UpdateRequest readUpdate(String resource) {
        try (InputStream in = CuratorEdits.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL Update " + resource + " is missing from the bench jar");
            }
            return UpdateFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the password file a benchmark server is started with (loopback only, a throwaway account). */
    static Path passwordFile(Path folder) throws IOException {
        Path file = folder.resolve("bench-passwd.properties");
        Files.writeString(file, USER + ": " + PASSWORD + ", curator\n");
        return file;
    }

    /**
     * The concepts edited: a leaf (the last concept), one just under the top (the first of its children), the top, and
     * the sibling the second is moved under: the third child, since the generator makes the first two skos:related, and
     * a concept may not be both related to and narrower than another. The warm-up edits go to a concept in the middle.
     */
    record Targets(String leaf, String nearTop, String top, String otherTop, String warmUp) {
        static Targets of(ThesaurusGenerator generator) {
            long last = generator.concepts() - 1;
            return new Targets(generator.conceptIri(last), generator.conceptIri(Math.min(1, last)), generator.conceptIri(0),
                    generator.conceptIri(Math.min(3, last)), generator.conceptIri(last / 2));
        }
    }

    void run(long size, URI base, Targets targets, BenchResults results) throws InterruptedException {
        edits(base, "warm-up", targets.warmUp(), WARM_UP_EDITS, false);
        edits(base, "leaf", targets.leaf(), EDITS, true);
        edits(base, "near-top", targets.nearTop(), EDITS, true);
        // The concept under the top, moved under a sibling and back: its whole subtree moves (move-subtree.ru).
        for (int i = 0; i < MOVES; i++) {
            String from = i % 2 == 0 ? targets.top() : targets.otherTop();
            String to = i % 2 == 0 ? targets.otherTop() : targets.top();
            UpdateRequest move = UpdateTransformOps.transform(MOVE_SUBTREE, Map.of(Var.alloc("moved"),
                    NodeFactory.createURI(targets.nearTop()), Var.alloc("from"), NodeFactory.createURI(from),
                    Var.alloc("to"), NodeFactory.createURI(to)));
            send(SUBTREE_MOVE, post(base.resolve("update"), "application/sparql-update", move.toString()));
        }
        latencies.forEach((series, recorder) -> {
            results.add(size, series, "p50 ms", recorder.percentileMillis(50));
            results.add(size, series, "p99 ms", recorder.percentileMillis(99));
            results.add(size, series, "max ms", recorder.percentileMillis(100));
        });
    }

    /** {@code count} edits of each kind on {@code concept}, timed into {@code edit/<kind>/<where>} or not at all. */
    private void edits(URI base, String where, String concept, int count, boolean timed) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            // An even edit adds a label, the odd one after it takes that same label back. Each kind has labels of its
            // own: a label left behind on one concept would make the same label on the next a duplicate, which the
            // shapes refuse.
            boolean add = i % 2 == 0;
            String label = "bench edit " + where + " " + (i / 2);
            String patched = altLabel(concept, label + " patch");
            String put = altLabel(concept, label + " data");
            send(timed ? "edit/update/" + where : null, post(base.resolve("update"), "application/sparql-update",
                    labelData(add, concept, label + " update")));
            send(timed ? "edit/patch/" + where : null, request(base.resolve("doc/" + concept.substring(concept.indexOf("/id/") + 4)),
                    "PATCH", "application/rdf-patch", "TX .\n" + (add ? "A " : "D ") + patched + "\nTC .\n"));
            // PUT replaces its graph whole, so it has a graph of its own: then it too changes one triple.
            send(timed ? "edit/data/" + where : null, request(base.resolve("data?graph=" + enc(PUT_GRAPH)), "PUT",
                    "text/turtle", add ? put : ""));
        }
    }

    private HttpRequest post(URI uri, String contentType, String body) {
        return request(uri, "POST", contentType, body);
    }

    private HttpRequest request(URI uri, String method, String contentType, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("Authorization", authorization)
                .header("Content-Type", contentType).header("X-Change-Message", "bench edit")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends one edit and, when {@code series} is not null, records its time there; an edit refused stops the run. */
    private void send(String series, HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(Objects.requireNonNullElse(series, "warm-up edit") + ": " + request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: %s %s answered %d: %s",
                    Objects.requireNonNullElse(series, "warm-up edit"), request.method(),
                    request.uri(), response.statusCode(), response.body().lines().findFirst().orElse("")));
        }
        if (series != null) {
            latencies.computeIfAbsent(series, k -> new LatencyRecorder()).record(micros);
        }
    }

    /** {@code INSERT DATA} or {@code DELETE DATA} of one English altLabel in the edit graph, built with Jena's update objects. */
    private static String labelData(boolean add, String concept, String label) {
        QuadDataAcc quads = new QuadDataAcc();
        quads.addQuad(Quad.create(NodeFactory.createURI(EDIT_GRAPH), NodeFactory.createURI(concept),
                NodeFactory.createURI(SKOS + "altLabel"), NodeFactory.createLiteralLang(label, "en")));
        return new UpdateRequest(add ? new UpdateDataInsert(quads) : new UpdateDataDelete(quads)).toString();
    }

    private static String altLabel(String concept, String label) {
        return "<" + concept + "> <" + SKOS + "altLabel> \"" + label + "\"@en .";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The series this class writes, for the report: kind and where, in the order to show them. */
    static List<String> series() {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("update", "patch", "data")) {
            out.add("edit/" + kind + "/leaf");
            out.add("edit/" + kind + "/near-top");
        }
        out.add(SUBTREE_MOVE);
        return out;
    }
}
