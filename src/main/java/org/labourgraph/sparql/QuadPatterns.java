package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.E_NotOneOf;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Many quad patterns asked of a store in one query: a UNION of {@code quads-matching.rq}'s pattern, once per quad
 * pattern with its fixed terms bound, each branch numbered ({@code ?i}). A UNION of plain patterns is looked up by
 * index on every engine; a VALUES block joined with {@code GRAPH ?g { ?s ?p ?o }} is not (Jena's ARQ, given the block
 * after the pattern, scans every quad first; Virtuoso 7, given it before, matches no literal with a language tag).
 */
public final class QuadPatterns {
    private static final Query MATCHING = QueryLibrary.load("quads-matching.rq", Syntax.syntaxSPARQL_11);
    private static final Var I = Var.alloc("i");
    private static final Var G = Var.alloc("g");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private QuadPatterns() {}

    /** One SELECT ?i ?g ?s ?p ?o for {@code patterns} ({@link Node#ANY} for a free term, the graph too). */
    public static Query select(List<Quad> patterns) {
        return select(patterns, Set.of());
    }

    /** As {@link #select(List)}, a pattern whose predicate is free matching none of {@code exceptPredicates}. */
    public static Query select(List<Quad> patterns, Set<Node> exceptPredicates) {
        ElementUnion union = new ElementUnion();
        for (int i = 0; i < patterns.size(); i++) {
            Quad pattern = patterns.get(i);
            Map<Var, Node> fixed = new HashMap<>();
            put(fixed, G, pattern.getGraph());
            put(fixed, S, pattern.getSubject());
            put(fixed, P, pattern.getPredicate());
            put(fixed, O, pattern.getObject());
            ElementGroup branch = new ElementGroup();
            branch.addElement(QueryTransformOps.replaceVars(MATCHING, fixed).getQueryPattern());
            if (!fixed.containsKey(P) && !exceptPredicates.isEmpty()) {
                ExprList excluded = new ExprList();
                exceptPredicates.forEach(e -> excluded.add(NodeValue.makeNode(e)));
                branch.addElement(new ElementFilter(new E_NotOneOf(new ExprVar(P), excluded)));
            }
            branch.addElement(new ElementBind(I, NodeValue.makeInteger(i)));
            union.addElement(branch);
        }
        Query query = new Query();
        query.setQuerySelectType();
        List.of(I, G, S, P, O).forEach(query::addResultVar);
        ElementGroup where = new ElementGroup();
        where.addElement(union);
        query.setQueryPattern(where);
        return query;
    }

    /** The quads each pattern matched, in the order of {@code patterns}, from the rows of {@link #select}. */
    public static List<List<Quad>> answers(RowSet rows, List<Quad> patterns) {
        List<List<Quad>> out = new ArrayList<>(patterns.size());
        patterns.forEach(p -> out.add(new ArrayList<>()));
        while (rows.hasNext()) {
            Binding row = rows.next();
            int i = ((Number) row.get(I).getLiteralValue()).intValue();
            Quad pattern = patterns.get(i);
            out.get(i).add(Quad.create(term(row, G, pattern.getGraph()), term(row, S, pattern.getSubject()),
                    term(row, P, pattern.getPredicate()), term(row, O, pattern.getObject())));
        }
        return out;
    }

    private static void put(Map<Var, Node> fixed, Var var, Node value) {
        if (value != null && value.isConcrete()) {
            fixed.put(var, value);
        }
    }

    private static Node term(Binding row, Var var, Node fixed) {
        return fixed != null && fixed.isConcrete() ? fixed : row.get(var);
    }
}
