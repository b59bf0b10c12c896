package org.labourgraph.sparql;

import java.util.Comparator;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * A store gives the rows of a query without ORDER BY in its own order (TDB2 by node id, another store by its
 * indexes): a reader that keeps the first of several values, or lists them as they come, sorts its rows with this
 * first, so that a page reads the same on any store.
 */
final class RowOrder {
    private RowOrder() {}

    /** Rows ordered by the RDF terms of these variables, in turn (an unbound one first). */
    static Comparator<Binding> byTerms(String... vars) {
        Comparator<Binding> order = (a, b) -> 0;
        for (String name : vars) {
            Var v = Var.alloc(name);
            order = order.thenComparing(row -> row.get(v), Comparator.nullsFirst(NodeCmp::compareRDFTerms));
        }
        return order;
    }
}
