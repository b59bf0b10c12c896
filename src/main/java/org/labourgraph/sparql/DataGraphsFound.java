package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.vocab.LG;

/**
 * Whether an external store holds data this server will find. The server discovers the data graphs under the project's
 * graph namespace (or reads the store's default graph, but still pages the named graphs under it); data loaded into
 * graphs named otherwise is found by nothing but a client's own SPARQL, and every page is a 404. Said once at start,
 * with the graphs the store does hold, so that the operator can name them ({@code --data-graphs G1,G2}).
 */
public final class DataGraphsFound {
    private static final Query STORE_GRAPHS = QueryLibrary.load("store-graphs.rq", Syntax.syntaxSPARQL_11);
    /** How many of the store's graphs the warning names. */
    static final int NAMED = 5;

    private DataGraphsFound() {}

    /**
     * A warning when the store holds no graph of stated data where this server looks for it (none under the namespace
     * but the entailment graph); empty when it does, when the graphs were listed by the operator, or when the store
     * does not answer (its health says so).
     */
    public static Optional<String> warning(RemoteSparqlService remote) {
        DataGraphs.Mode mode = remote.endpoint().dataGraphs().mode();
        if (mode == DataGraphs.Mode.LISTED) {
            return Optional.empty();
        }
        List<String> others;
        try {
            if (remote.namedDataGraphs().stream().anyMatch(g -> !g.equals(LG.ENTAILMENT_GRAPH))) {
                return Optional.empty();
            }
            others = storeGraphs(remote);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String what = mode == DataGraphs.Mode.STORE_DEFAULT
                ? "the resource pages and the dumps will find no data (they read the data graphs by name)"
                : "the pages, search, /sparql and the dumps will find no data (queries name the data graphs as their dataset)";
        String held = others.isEmpty()
                ? "It lists no other named graph."
                : "It holds " + String.join(", ", others.stream().limit(NAMED).map(g -> "<" + g + ">").toList())
                        + (others.size() > NAMED ? ", …" : "") + ".";
        return Optional.of("The store at " + remote.endpoint().query() + " holds no data graph under <" + LG.GRAPH_NS
                + "> (the entailment graph aside): " + what + ". " + held + " Name the graphs that hold the data"
                + " (--data-graphs G1,G2), or load the data with labourgraph load --update-endpoint URL FILE…"
                + " (without --graph, or with a --graph under that namespace).");
    }

    private static List<String> storeGraphs(RemoteSparqlService remote) {
        List<String> graphs = new ArrayList<>();
        try (QueryExecHTTP exec = remote.storedExec(STORE_GRAPHS).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> {
                Node g = row.get("g");
                if (g != null && g.isURI() && !g.getURI().equals(LG.ENTAILMENT_GRAPH)) {
                    graphs.add(g.getURI());
                }
            });
        }
        return graphs;
    }
}
