package org.labourgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;

/**
 * Which transitive properties of the embedded store are closed when a query asks (see {@link TransitiveClosureRewrite})
 * instead of in the entailment graph, and the query engine's hook that does it.
 *
 * <p>A transitive property is closed at query time when its closure's pairs feed no other rule: every super-property and
 * every inverse of it is itself closed at query time (skos:broaderTransitive and skos:narrowerTransitive: each the
 * other's inverse, neither with a super-property in the SKOS axioms). The one-step pairs stay stored (a skos:broader
 * link entails one skos:broaderTransitive pair), so {@code p+} over them gives exactly the closure the entailment graph
 * held before. A transitive property whose pairs would entail something else (a super-property that is not transitive,
 * a sub-property of dcterms:subject) keeps its closure stored, so that every rule still reads it.
 *
 * <p>An external store answers with its own engine: {@code load --update-endpoint} writes the closures there in full.
 */
final class ClosuresAtQueryTime {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClosuresAtQueryTime.class);
    private static final Symbol KEY = Symbol.create("https://w3id.org/labourgraph/closuresAtQueryTime");
    /** Beside the store: says its entailment graph holds no closure that is answered at query time. */
    static final String MARKER_FILE = "labourgraph-entailments.properties";
    private static final String MARKER = "closures=at-query-time\n";

    private volatile Set<Node> closed = Set.of();

    private ClosuresAtQueryTime() {}

    /** The transitive properties of {@code schema} whose closure may be left to query time. */
    static Set<Node> of(Entailments.Schema schema) {
        Set<Node> candidates = new HashSet<>(schema.transitive);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<Node> it = candidates.iterator(); it.hasNext(); ) {
                Node p = it.next();
                boolean feedsAnotherRule = schema.superProperties.getOrDefault(p, Set.of()).stream().anyMatch(q -> !candidates.contains(q))
                        || schema.inverses.getOrDefault(p, Set.of()).stream().anyMatch(q -> !candidates.contains(q));
                if (feedsAnotherRule) {
                    it.remove();
                    changed = true;
                }
            }
        }
        return Set.copyOf(candidates);
    }

    /**
     * Makes every query on {@code store} and {@code others} (views of it: the endpoint's, the pages', an update's WHERE)
     * ask the closures of the properties the store's schema leaves to query time: the rewrite runs before Jena's own
     * optimiser, in the datasets' context.
     */
    static void installOn(DatasetGraph store, Node entailmentGraph, DatasetGraph... others) {
        WholeClosure.register();
        ClosuresAtQueryTime closures = new ClosuresAtQueryTime();
        RewriteFactory factory = context -> {
            Rewrite standard = Optimize.getFactory().create(context);
            return op -> standard.rewrite(TransitiveClosureRewrite.rewrite(op, closures.closed));
        };
        for (DatasetGraph dataset : Stream.concat(Stream.of(store), Stream.of(others)).toList()) {
            dataset.getContext().set(ARQConstants.sysOptimizerFactory, factory);
            dataset.getContext().set(KEY, closures);
        }
        closures.closed = Txn.calculateRead(store, () -> of(StreamingEntailments.schemaOf(store, entailmentGraph)));
    }

    /** After the schema was read again (a full refresh of the entailments): the properties closed at query time now. */
    static void publish(DatasetGraph dataset, Set<Node> closed) {
        if (dataset.getContext().get(KEY) instanceof ClosuresAtQueryTime closures) {
            closures.closed = Set.copyOf(closed);
        }
    }

    /**
     * A store written before closures were left to query time may hold closure pairs that the one-step rules would
     * never take out: such a store (no marker beside it) gets one full refresh of its entailments, {@code refresh}.
     */
    static void dropStoredOnce(Path dir, BooleanSupplier holdsData, Runnable refresh) {
        if (Files.isRegularFile(dir.resolve(MARKER_FILE))) {
            return;
        }
        if (holdsData.getAsBoolean()) {
            LOG.info("Recomputing this store's entailments once: the closures of skos:broaderTransitive and its like are now"
                    + " answered when a query asks for them, not stored (run compact afterwards to free the space)");
            refresh.run();
        }
        markRefreshed(dir);
    }

    /** Whether the store in {@code dir} still needs {@link #dropStoredOnce} (for tests). */
    static boolean storeNeedsRefresh(Path dir) {
        return !Files.isRegularFile(dir.resolve(MARKER_FILE));
    }

    /** Written after the refresh committed: a crash in between refreshes again at the next start (idempotent). */
    private static void markRefreshed(Path dir) {
        Path tmp = dir.resolve(MARKER_FILE + ".tmp");
        try {
            Files.writeString(tmp, "# labourgraph: this store's entailment graph holds no closure answered at query time\n" + MARKER,
                    StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(MARKER_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(MARKER_FILE) + ": " + e.getMessage(), e);
        }
    }
}
