package org.labourgraph.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.labourgraph.sparql.QueryLibrary;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.StoreUnavailableException;
import org.labourgraph.store.LabourStore;

/**
 * A dump read by SPARQL through a {@link QueryRunner} (an external store): one query per graph (and per kind, for the
 * SKOS view), each answer handed to the writer row by row as it streams in, so that nothing but the current row is held.
 * A triple stated in an earlier graph is left out by the store ({@code FILTER NOT EXISTS}), as the embedded dump leaves
 * it out by index look-up. The data graphs come from the runner (configured or discovered); the public ones are those
 * neither the entailment graph nor stated private ({@code private-graphs.rq}).
 *
 * <p>Each streamed query is counted first ({@code COUNT(*)} over the same pattern): a store that cuts its answers
 * without saying so (Virtuoso stops at {@code ResultSetMaxRows}) would otherwise give a dump that looks whole. Fewer
 * or more rows than counted is a {@link StoreUnavailableException}, never a shorter dump.
 */
public final class SparqlDumpSource implements DumpSource {
    private static final Query GRAPH = DatasetStatistics.load("dump-graph.rq");
    private static final Query GRAPH_NEW = DatasetStatistics.load("dump-graph-new.rq");
    private static final Query PRIVATE_GRAPHS = DatasetStatistics.load("private-graphs.rq");
    private static final Query SKOS_SUBJECTS = DatasetStatistics.load("skos-subjects.rq");
    private static final Query SKOS_STATEMENTS = DatasetStatistics.load("skos-statements.rq");
    private static final Var N = Var.alloc("n");

    private final QueryRunner runner;

    public SparqlDumpSource(QueryRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<String> publicGraphs() {
        Set<String> hidden = new HashSet<>(List.of(LabourStore.ENTAILMENT_GRAPH));
        runner.select(PRIVATE_GRAPHS, Map.of()).forEach(row -> hidden.add(row.get("g").getURI()));
        List<String> graphs = new ArrayList<>(runner.dataGraphs().stream().filter(g -> !hidden.contains(g)).distinct().toList());
        graphs.sort(null);
        return graphs;
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return work.get(); // each query is its own read: an external store gives no transaction across requests
    }

    @Override
    public void triples(Node graph, List<Node> except, Consumer<Triple> sink) {
        Query query = except.isEmpty() ? GRAPH : QueryLibrary.withValues(GRAPH_NEW, Var.alloc("earlier"), except);
        stream(bound(query, Map.of("g", graph)), "the triples of <" + graph.getURI() + ">", sink);
    }

    @Override
    public void skos(List<Node> graphs, Consumer<Triple> sink) {
        if (graphs.isEmpty()) {
            return;
        }
        List<Node> typeGraphs = new ArrayList<>(graphs);
        typeGraphs.add(NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH));
        Var typeGraph = Var.alloc("typeGraph");
        for (Node kind : SkosView.KINDS) {
            Query subjects = QueryLibrary.withValues(QueryLibrary.withValues(SKOS_SUBJECTS, typeGraph, typeGraphs),
                    Var.alloc("dataGraph"), graphs);
            stream(bound(subjects, Map.of("kind", kind)), "the " + kind.getLocalName() + " subjects",
                    row -> row.get("s"), s -> sink.accept(Triple.create(s, SkosView.TYPE, kind)));
            for (int i = 0; i < graphs.size(); i++) {
                Query statements = QueryLibrary.withValues(QueryLibrary.withValues(SKOS_STATEMENTS, typeGraph, typeGraphs),
                        Var.alloc("earlier"), graphs.subList(0, i));
                stream(bound(statements, Map.of("g", graphs.get(i), "kind", kind)),
                        "the SKOS statements of <" + graphs.get(i).getURI() + ">", sink);
            }
        }
    }

    private void stream(Query query, String what, Consumer<Triple> sink) {
        stream(query, what, row -> Triple.create(row.get("s"), row.get("p"), row.get("o")), sink);
    }

    /** Counts the rows of {@code query}, then streams them; a store that answers other than it counted fails the dump. */
    private <T> void stream(Query query, String what, java.util.function.Function<Binding, T> convert, Consumer<T> sink) {
        Node counted = runner.select(counting(query), Map.of()).get(0).get(N);
        long expected = counted == null ? -1 : ((Number) counted.getLiteralValue()).longValue();
        long got = runner.forEachRow(query, Map.of(), row -> sink.accept(convert.apply(row)));
        if (got != expected) {
            throw new StoreUnavailableException("The store answered " + got + " rows for " + what + " where it counts "
                    + expected + ": its answer was cut (a store that limits its results, e.g. Virtuoso's ResultSetMaxRows"
                    + " in virtuoso.ini, must allow the largest graph) or the data changed while it was read; the dump"
                    + " was not completed.", null);
        }
    }

    /** The query with these variables replaced by their values (Jena's substitution, on the parsed query). */
    private static Query bound(Query query, Map<String, Node> values) {
        Map<Var, Node> byVar = new HashMap<>();
        values.forEach((name, value) -> byVar.put(Var.alloc(name), value));
        return QueryTransformOps.replaceVars(query, byVar);
    }

    /** {@code SELECT (COUNT(*) AS ?n) { { query } }}, built on the parsed query. */
    private static Query counting(Query select) {
        Query count = new Query();
        count.setQuerySelectType();
        count.setPrefixMapping(select.getPrefixMapping());
        count.addResultVar(N, count.allocAggregate(AggregatorFactory.createCount(false)));
        // The prefixes are the outer query's: a sub-query written with its own PREFIX lines does not parse.
        Query inner = select.cloneQuery();
        inner.setPrefixMapping(new PrefixMappingImpl());
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementSubQuery(inner));
        count.setQueryPattern(where);
        return count;
    }
}
