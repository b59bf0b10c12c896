package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.labourgraph.export.DumpFormat;
import org.labourgraph.export.ExportTestSupport;
import org.labourgraph.export.MappingSet;

/**
 * Every published dump of two servers, fetched and compared: the RDF ones as datasets (isomorphic: the same quads, blank
 * nodes matched), the SSSOM mapping set by its lines but the one naming the server ({@code mapping_set_id}).
 */
final class DumpComparison {
    static final String SKOS = "labourgraph-skos.ttl";
    /** Every name /dumps/ publishes. */
    static final List<String> NAMES = names();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DumpComparison() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (DumpFormat f : DumpFormat.values()) {
            names.add("labourgraph." + f.extension());
            names.add("labourgraph." + f.extension() + ".gz");
        }
        names.add(SKOS);
        names.add(SKOS + ".gz");
        names.add(MappingSet.FILE_NAME);
        return List.copyOf(names);
    }

    /**
     * The names whose dump differs between the servers, each with what differs; {@code canonical} is applied to every
     * term of both sides first (the spelling a store may give a literal).
     */
    static List<String> differences(LabourgraphServer expected, LabourgraphServer actual, UnaryOperator<Node> canonical) {
        List<String> differing = new ArrayList<>();
        for (String name : NAMES) {
            byte[] here = fetch(expected, name);
            byte[] there = fetch(actual, name);
            if (name.equals(MappingSet.FILE_NAME)) {
                List<String> a = rows(here);
                List<String> b = rows(there);
                if (!a.equals(b)) {
                    differing.add(name + ": embedded " + a + " external " + b);
                }
                continue;
            }
            DatasetGraph a = read(here, name, canonical);
            DatasetGraph b = read(there, name, canonical);
            if (a.isEmpty() || !IsoMatcher.isomorphic(a, b)) {
                differing.add(name + ": " + a.stream().count() + " quads embedded, " + b.stream().count() + " external; only"
                        + " embedded (blank nodes aside) " + onlyIn(a, b) + "; only external " + onlyIn(b, a));
            }
        }
        return differing;
    }

    /** A few quads without blank nodes that {@code a} holds and {@code b} does not. */
    private static List<String> onlyIn(DatasetGraph a, DatasetGraph b) {
        return a.stream().filter(q -> !q.getSubject().isBlank() && !q.getObject().isBlank() && !b.contains(q))
                .limit(5).map(Object::toString).toList();
    }

    static byte[] fetch(LabourgraphServer server, String name) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "dumps/" + name)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), name + ": " + new String(r.body(), StandardCharsets.UTF_8));
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The mapping set's lines but the one that names the server it came from. */
    private static List<String> rows(byte[] tsv) {
        return new String(tsv, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#mapping_set_id:")).toList();
    }

    private static DatasetGraph read(byte[] bytes, String name, UnaryOperator<Node> canonical) {
        String file = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        byte[] plain = name.endsWith(".gz") ? gunzip(bytes) : bytes;
        DatasetGraph read = ExportTestSupport.read(plain, file.substring(file.lastIndexOf('.') + 1));
        DatasetGraph out = DatasetGraphFactory.create();
        read.find().forEachRemaining(q -> out.add(q.getGraph(), canonical.apply(q.getSubject()), q.getPredicate(),
                canonical.apply(q.getObject())));
        return out;
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
