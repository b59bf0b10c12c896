package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * Runs the application's parsed queries with bound values (never pasted text) and the server's timeout,
 * and counts them: one runner serves one request, so {@link #count()} is what that page cost. Every read a page makes
 * goes through its runner (or one made by {@link #over}), so that the count is every query the page ran.
 */
public final class QueryRunner {
    private final DatasetGraph dataset;
    private final Duration timeout;
    private final AtomicInteger count;

    public QueryRunner(DatasetGraph dataset, Duration timeout) {
        this(dataset, timeout, new AtomicInteger());
    }

    private QueryRunner(DatasetGraph dataset, Duration timeout, AtomicInteger count) {
        this.dataset = dataset;
        this.timeout = timeout;
        this.count = count;
    }

    /**
     * A runner over another dataset (a released ontology's) that counts with this one: what a request reads there is
     * part of what the request cost.
     */
    public QueryRunner over(DatasetGraph other) {
        return new QueryRunner(other, timeout, count);
    }

    /** Runs a SELECT with the given variables bound; returns every row, read inside one read transaction. */
    public List<Binding> select(Query query, Map<String, Node> values) {
        return select(query, values, timeout);
    }

    /**
     * As {@link #select(Query, Map)} with a timeout of its own: for reads whose result is kept and serves every later
     * request (the A–Z index), which must not fail for being slower than one page's query on a large graph.
     */
    List<Binding> select(Query query, Map<String, Node> values, Duration timeout) {
        count.incrementAndGet();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = exec(query, values, timeout)) {
                List<Binding> rows = new ArrayList<>();
                // Detached inside the transaction: a TDB2 row fetches its nodes lazily, and once the transaction
                // has ended a node not in the node cache cannot be read (small stores hide this, large ones do not).
                exec.select().forEachRemaining(row -> rows.add(row.detach()));
                return rows;
            }
        });
    }

    /** Runs a CONSTRUCT with the given variables bound; returns its graph, built inside one read transaction. */
    public Graph construct(Query query, Map<String, Node> values) {
        count.incrementAndGet();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = exec(query, values, timeout)) {
                return exec.construct(GraphFactory.createDefaultGraph());
            }
        });
    }

    private QueryExec exec(Query query, Map<String, Node> values, Duration timeout) {
        BindingBuilder b = Binding.builder();
        values.forEach((name, node) -> b.add(Var.alloc(name), node));
        return QueryExec.newBuilder().dataset(dataset).query(query).substitution(b.build())
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** How many queries this runner (and the runners made by {@link #over}) have run. */
    public int count() {
        return count.get();
    }
}
