package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
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
 *
 * <p>The one read path of the site: the same queries run on the embedded TDB2 dataset (in a read transaction) or on
 * an external SPARQL 1.1 service ({@link #remote}: Jena's HTTP query execution, the bound values substituted by Jena
 * into the parsed query, the public data graphs named as the dataset), with the same timeout.
 */
public final class QueryRunner {
    /** Where the queries run. */
    private interface Target {
        <T> T read(java.util.function.Supplier<T> work);

        QueryExec exec(Query query, Binding values, Duration timeout);

        List<String> dataGraphs();

        List<Node> statedGraphs();
    }

    private record Embedded(DatasetGraph dataset) implements Target {
        @Override
        public <T> T read(java.util.function.Supplier<T> work) {
            return Txn.calculateRead(dataset, work);
        }

        @Override
        public QueryExec exec(Query query, Binding values, Duration timeout) {
            return QueryExec.newBuilder().dataset(dataset).query(query).substitution(values)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        }

        @Override
        public List<String> dataGraphs() {
            List<String> graphs = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(g -> {
                if (g.isURI()) {
                    graphs.add(g.getURI());
                }
            });
            return graphs;
        }

        @Override
        public List<Node> statedGraphs() {
            return StatedGraphs.of(dataset);
        }
    }

    private record Remote(RemoteSparqlService service) implements Target {
        @Override
        public <T> T read(java.util.function.Supplier<T> work) {
            try {
                return work.get();
            } catch (QueryExceptionHTTP | HttpException e) {
                if (timedOut(e)) {
                    throw new QueryCancelledException();
                }
                throw new StoreUnavailableException("The SPARQL service behind this server (" + service.endpoint().query()
                        + ") did not answer: " + e.getMessage() + storeSays(e), e);
            }
        }

        @Override
        public QueryExec exec(Query query, Binding values, Duration timeout) {
            return service.queryExec(query, values).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        }

        @Override
        public List<String> dataGraphs() {
            return service.namedDataGraphs();
        }

        @Override
        public List<Node> statedGraphs() {
            return StatedGraphs.of(service.namedDataGraphs());
        }

        /** The store's own words (its response body, cut short), which name the cause (a Virtuoso error code…). */
        private static String storeSays(RuntimeException e) {
            String body = e instanceof QueryExceptionHTTP q ? q.getResponse() : e instanceof HttpException h ? h.getResponse() : null;
            if (body == null || body.isBlank()) {
                return "";
            }
            String said = body.strip().replaceAll("\\s+", " ");
            return " (" + (said.length() > 300 ? said.substring(0, 300) + "…" : said) + ")";
        }

    }

    /** True if a remote call failed because the answer did not come within the time limit (not because the store is down). */
    static boolean timedOut(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private final Target target;
    private final Duration timeout;
    private final AtomicInteger count;

    public QueryRunner(DatasetGraph dataset, Duration timeout) {
        this(new Embedded(dataset), timeout, new AtomicInteger());
    }

    private QueryRunner(Target target, Duration timeout, AtomicInteger count) {
        this.target = target;
        this.timeout = timeout;
        this.count = count;
    }

    /** A runner whose queries go to an external SPARQL 1.1 service, over its public data, with its timeout. */
    public static QueryRunner remote(RemoteSparqlService service) {
        return new QueryRunner(new Remote(service), service.timeout(), new AtomicInteger());
    }

    /**
     * A runner over another dataset (a released ontology's) that counts with this one: what a request reads there is
     * part of what the request cost.
     */
    public QueryRunner over(DatasetGraph other) {
        return new QueryRunner(new Embedded(other), timeout, count);
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
        return target.read(() -> {
            try (QueryExec exec = exec(query, values, timeout)) {
                List<Binding> rows = new ArrayList<>();
                // Detached inside the transaction: a TDB2 row fetches its nodes lazily, and once the transaction
                // has ended a node not in the node cache cannot be read (small stores hide this, large ones do not).
                exec.select().forEachRemaining(row -> rows.add(row.detach()));
                return rows;
            }
        });
    }

    /**
     * Runs a SELECT with the given variables bound and hands each row to {@code each} as it arrives, never holding them
     * all (a dump's statements); returns how many rows came. Over an external store the rows are read from the response
     * as it streams, and the timeout bounds the wait for its start, not the whole answer.
     */
    public long forEachRow(Query query, Map<String, Node> values, Consumer<Binding> each) {
        count.incrementAndGet();
        return target.read(() -> {
            try (QueryExec exec = exec(query, values, timeout)) {
                long rows = 0;
                for (var it = exec.select(); it.hasNext(); rows++) {
                    each.accept(it.next());
                }
                return rows;
            }
        });
    }

    /**
     * The named graphs that hold the data, by IRI: over an external store those its configuration names or discovers
     * (with {@code --data-graphs store-default}, its named graphs under the project's graph namespace); embedded, every
     * named graph of the dataset. Which of them are public is the caller's to say (private and entailment graphs).
     */
    public List<String> dataGraphs() {
        count.incrementAndGet();
        return target.read(target::dataGraphs);
    }

    /**
     * The named graphs of stated data (the data graphs but the entailment graph), for queries that name them in a
     * {@code VALUES ?g} ({@link StatedGraphs}). Kept between calls (embedded until the next commit, remote as the data
     * graphs are), so it is not counted as a query.
     */
    List<Node> statedGraphs() {
        return target.read(target::statedGraphs);
    }

    /** Runs a CONSTRUCT with the given variables bound; returns its graph, built inside one read transaction. */
    public Graph construct(Query query, Map<String, Node> values) {
        count.incrementAndGet();
        return target.read(() -> {
            try (QueryExec exec = exec(query, values, timeout)) {
                return exec.construct(GraphFactory.createDefaultGraph());
            }
        });
    }

    private QueryExec exec(Query query, Map<String, Node> values, Duration timeout) {
        BindingBuilder b = Binding.builder();
        values.forEach((name, node) -> b.add(Var.alloc(name), node));
        return target.exec(query, b.build(), timeout);
    }

    /** How many queries this runner (and the runners made by {@link #over}) have run. */
    public int count() {
        return count.get();
    }
}
