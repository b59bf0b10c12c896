package org.labourgraph.cli;

import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.sparql.QueryLibrary;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.store.Entailments;

/**
 * The entailment graph an external store must hold after a {@code load --update-endpoint}, so that its queries answer
 * what the embedded store answers (which keeps that graph itself): the rules of {@link Entailments} over the store's
 * stated data as it will be — what it holds now ({@code asserted-data.rq}, less the graphs the load replaces) and what
 * the load sends. It reads the whole of the store's data: the cost of a load grows with the store, not with the change.
 */
final class RemoteEntailments {
    private RemoteEntailments() {}

    /** The entailments of the store's data after the load; {@code replaced} are the graphs the load drops first. */
    static Graph after(RemoteSparqlService store, Map<String, Graph> sent, Set<String> replaced) {
        Graph stated = GraphFactory.createDefaultGraph();
        try (QueryExecHTTP exec = store.queryExec(QueryLibrary.ASSERTED_DATA).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                Node g = row.get("g");
                if (g != null && !replaced.contains(g.getURI())) {
                    stated.add(Triple.create(row.get("s"), row.get("p"), row.get("o")));
                }
            });
        }
        sent.values().forEach(g -> GraphUtil.addInto(stated, g));
        return Entailments.of(stated);
    }
}
