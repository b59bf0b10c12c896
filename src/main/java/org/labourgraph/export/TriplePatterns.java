package org.labourgraph.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.labourgraph.sparql.QueryRunner;

/**
 * Triple pattern look-ups over the public data as the SPARQL endpoint's default graph shows it: the public
 * source graphs plus the entailment graph, each triple once ({@code fragment.rq}). Read through a {@link QueryRunner},
 * so the same on the embedded store and on an external SPARQL service: a page is one SELECT with LIMIT and OFFSET
 * (in term order), the total one COUNT that stops at a cap (beyond it the count is an estimate, as TPF allows).
 */
public final class TriplePatterns {
    /** Counting past this many matches stops: the count becomes a lower-bound estimate. */
    public static final long COUNT_CAP = 100_000;
    private static final Query FRAGMENT = DatasetStatistics.load("fragment.rq");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private TriplePatterns() {}

    /** One page of matches and the (possibly estimated) total. */
    public record Page(List<Triple> triples, long total, boolean exact, boolean hasNext) {}

    /** The matches of (s, p, o) — each null or {@link Node#ANY} for "any" — from offset, at most limit of them. */
    public static Page find(QueryRunner runner, Node s, Node p, Node o, long offset, int limit) {
        Map<String, Node> values = new HashMap<>(SparqlCensus.values());
        bind(values, "s", s);
        bind(values, "p", p);
        bind(values, "o", o);
        Query page = FRAGMENT.cloneQuery();
        // A bound position is a constant: ordering by it is void, and "ORDER BY <iri>" is not SPARQL once substituted.
        page.getOrderBy().removeIf(c -> c.getExpression().isVariable() && values.containsKey(c.getExpression().getVarName()));
        page.setOffset(offset);
        page.setLimit(limit);
        List<Triple> triples = new ArrayList<>();
        for (Binding row : runner.select(page, values)) {
            triples.add(Triple.create(node(row, S, values), node(row, P, values), node(row, O, values)));
        }
        long cap = Math.max(COUNT_CAP, offset + limit + 1);
        long seen = count(runner, values, cap);
        boolean capped = seen >= cap;
        return new Page(triples, seen, !capped, capped || seen > offset + limit);
    }

    /** How many matches, counting no further than {@code cap}: the pattern, unordered, under a LIMIT, counted. */
    private static long count(QueryRunner runner, Map<String, Node> values, long cap) {
        Query matches = FRAGMENT.cloneQuery();
        matches.getOrderBy().clear();
        matches.setLimit(cap);
        // Its prefixes would be written inside the outer query, where SPARQL allows none: it writes full IRIs instead.
        matches.setPrefixMapping(new PrefixMappingImpl());
        Query count = new Query();
        count.setQuerySelectType();
        count.setQueryPattern(new ElementSubQuery(matches));
        count.getProject().add(Var.alloc("n"), count.allocAggregate(new AggCount()));
        Node n = runner.select(count, values).get(0).get(Var.alloc("n"));
        return ((Number) n.getLiteralValue()).longValue();
    }

    private static void bind(Map<String, Node> values, String name, Node term) {
        if (term != null && term != Node.ANY) {
            values.put(name, term);
        }
    }

    /** A row's term, or the value bound in the pattern (a store may leave a bound variable out of its rows). */
    private static Node node(Binding row, Var var, Map<String, Node> values) {
        Node n = row.get(var);
        return n != null ? n : values.get(var.getVarName());
    }
}
