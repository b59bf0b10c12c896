package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.nodevalue.NodeValueInteger;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * Several parsed SELECT queries run as one: each becomes a sub-select in a branch of a UNION, its rows tagged with the
 * branch's number in {@code ?part}, and the answer is split back into one row list per query. Over an external store a
 * page then costs one HTTP exchange instead of several — per query, the store parses, dispatches, opens a transaction
 * and logs, and the front-end sends and reads a request, which together cost more than the small look-ups themselves.
 * Built once from the {@code .rq} files; the values are bound at run time as for any query.
 */
final class CombinedSelect {
    static final Var PART = Var.alloc("part");

    private final Query query;
    private final int parts;
    /** The last query made by {@link #filled}: the values change only when the store's graphs do. */
    private final AtomicReference<Filled> lastFilled = new AtomicReference<>();

    private record Filled(Var var, List<Node> values, CombinedSelect select) {}

    private CombinedSelect(Query query, int parts) {
        this.query = query;
        this.parts = parts;
    }

    /** The queries in one (built once, at class initialisation); each a SELECT that does not project {@code ?part}. */
    static CombinedSelect of(Query... queries) {
        ElementUnion union = new ElementUnion();
        Set<Var> projected = new LinkedHashSet<>();
        Query combined = new Query();
        for (int i = 0; i < queries.length; i++) {
            Query each = queries[i].cloneQuery();
            if (!each.isSelectType() || each.getProjectVars().contains(PART)) {
                throw new IllegalArgumentException("Query " + (i + 1) + " cannot be combined: a SELECT without ?part is needed");
            }
            combined.getPrefixMapping().setNsPrefixes(each.getPrefixMapping());
            // A sub-select may not declare prefixes: its IRIs are written in full or with the outer query's.
            each.getPrefixMapping().clearNsPrefixMap();
            ElementGroup branch = new ElementGroup();
            branch.addElement(new ElementSubQuery(each));
            branch.addElement(new ElementBind(PART, new NodeValueInteger(i)));
            union.addElement(branch);
            projected.addAll(each.getProjectVars());
        }
        combined.setQuerySelectType();
        ElementGroup where = new ElementGroup(); // as the parser builds it, so the text sent reads back the same
        where.addElement(union);
        combined.setQueryPattern(where);
        projected.forEach(combined::addResultVar);
        combined.addResultVar(PART);
        return new CombinedSelect(QueryLibrary.fixed(combined), queries.length);
    }

    /**
     * This query with its empty {@code VALUES ?var { }} blocks filled with {@code values} ({@link QueryLibrary#withValues}),
     * made once per list of values and kept as a fixed query, so that an external store still gets a prepared text.
     */
    CombinedSelect filled(Var var, List<Node> values) {
        Filled last = lastFilled.get();
        if (last != null && last.var().equals(var) && last.values().equals(values)) {
            return last.select();
        }
        CombinedSelect made = new CombinedSelect(QueryLibrary.fixed(QueryLibrary.withValues(query, var, values)), parts);
        lastFilled.set(new Filled(var, List.copyOf(values), made));
        return made;
    }

    /** Runs the combined query once with {@code values} bound; the rows of query i are in list i. */
    List<List<Binding>> select(QueryRunner runner, Map<String, Node> values) {
        List<List<Binding>> byPart = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            byPart.add(new ArrayList<>());
        }
        for (Binding row : runner.select(query, values)) {
            Node part = row.get(PART);
            int index = part == null ? -1 : Integer.parseInt(part.getLiteralLexicalForm());
            if (index < 0 || index >= parts) {
                throw new IllegalStateException("The store answered a row without a valid ?part (" + part + "): " + row);
            }
            byPart.get(index).add(row);
        }
        return byPart;
    }

    /** The query as it is sent (for tests and logs). */
    Query query() {
        return query;
    }
}
