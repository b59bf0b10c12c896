package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.vocab.LG;

/**
 * The graphs every query sent to an external store names as its dataset, as {@link DataGraphs} says: the listed ones,
 * none (the store's default graph is the data), or those discovered in the store ({@code data-graphs.rq}). A discovered
 * list is kept for {@link #REDISCOVER_AFTER}: a graph another front-end or a {@code load} creates is seen here
 * within that time, one this front-end's writes may have created at once ({@link #forget}); edits to graphs already
 * listed are seen at once (external mode keeps no page cache).
 */
final class RemoteDataGraphs {
    static final Duration REDISCOVER_AFTER = Duration.ofSeconds(10);

    private record Listed(List<String> graphs, long readAt) {}

    private final DataGraphs config;
    private final AtomicReference<Listed> discovered = new AtomicReference<>();

    RemoteDataGraphs(DataGraphs config) {
        this.config = config;
    }

    /**
     * The graphs to name (empty: send no dataset description). {@code select} runs a query on the store as it is
     * (without a dataset description) and is called only when the discovered list is missing or older than
     * {@link #REDISCOVER_AFTER}.
     */
    List<String> current(Function<Query, RowSet> select) {
        return switch (config.mode()) {
            case STORE_DEFAULT -> List.of();
            case LISTED -> config.listed();
            case DISCOVER -> discover(select);
        };
    }

    /**
     * The named graphs that hold the data: as {@link #current}, but over a store whose default graph is the data, its
     * named graphs under the project's namespace, discovered as in {@link DataGraphs.Mode#DISCOVER}.
     */
    List<String> named(Function<Query, RowSet> select) {
        return config.mode() == DataGraphs.Mode.STORE_DEFAULT ? discover(select) : current(select);
    }

    /** After a write forwarded by this server: the next query lists the graphs again (the write may have made one). */
    void forget() {
        discovered.set(null);
    }

    private static List<String> list(Function<Query, RowSet> select, Query query) {
        Map<Var, Node> namespace = Map.of(Var.alloc("namespace"), NodeFactory.createLiteralString(LG.GRAPH_NS));
        List<String> graphs = new ArrayList<>();
        select.apply(QueryTransformOps.replaceVars(query, namespace)).forEachRemaining(row -> {
            Node g = row.get("g");
            if (g != null && g.isURI()) {
                graphs.add(g.getURI());
            }
        });
        return graphs;
    }

    private List<String> discover(Function<Query, RowSet> select) {
        Listed kept = discovered.get();
        long now = System.nanoTime();
        if (kept != null && now - kept.readAt() < REDISCOVER_AFTER.toNanos()) {
            return kept.graphs();
        }
        List<String> graphs = list(select, QueryLibrary.DATA_GRAPHS);
        if (graphs.isEmpty()) {
            graphs = list(select, QueryLibrary.DATA_GRAPHS_BY_TRIPLES);
        }
        // A store holding no data graph yet: name the (absent) entailment graph alone, so that queries see an empty
        // dataset rather than whatever the store's own default graph holds.
        List<String> result = graphs.isEmpty() ? List.of(LG.ENTAILMENT_GRAPH) : List.copyOf(graphs);
        discovered.set(new Listed(result, now));
        return result;
    }
}
