package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.vocab.LG;

/**
 * Whether an external store holds data this server will find. The server discovers the data graphs under the project's
 * graph namespace (or reads the store's default graph, but still pages the named graphs under it); data loaded into
 * graphs named otherwise is found by nothing but a client's own SPARQL, and every page is a 404. Graphs the operator
 * lists ({@code --data-graphs G1,G2}) are checked to hold something (a misspelt name reads as an empty site). Said once
 * at start, with the graphs the store does hold.
 */
public final class DataGraphsFound {
    private static final Query STORE_GRAPHS = QueryLibrary.load("store-graphs.rq", Syntax.syntaxSPARQL_11);
    private static final Query GRAPH_HOLDS_DATA = QueryLibrary.load("graph-holds-data.rq", Syntax.syntaxSPARQL_11);
    /** How many of the store's graphs the warning names. */
    static final int NAMED = 5;

    private DataGraphsFound() {}

    /**
     * A warning when the store holds no graph of stated data where this server looks for it (none under the namespace
     * but the entailment graph, or a listed graph that holds nothing); empty when it does, or when the store does not
     * answer (its health says so).
     */
    public static Optional<String> warning(RemoteSparqlService remote) {
        DataGraphs.Mode mode = remote.endpoint().dataGraphs().mode();
        List<String> others;
        try {
            if (mode == DataGraphs.Mode.LISTED) {
                return emptyListed(remote);
            }
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
        return Optional.of("The store at " + remote.endpoint().query() + " holds no data graph under <" + LG.GRAPH_NS
                + "> (the entailment graph aside): " + what + ". " + held(others) + " Name the graphs that hold the data"
                + " (--data-graphs G1,G2), or load the data with labourgraph load --update-endpoint URL FILE…"
                + " (without --graph, or with a --graph under that namespace).");
    }

    /** The listed graphs that hold no statement (a misspelt name, or data not loaded yet), said with the store's graphs. */
    private static Optional<String> emptyListed(RemoteSparqlService remote) {
        List<String> empty = remote.endpoint().dataGraphs().listed().stream()
                .filter(g -> !remote.askStored(QueryTransformOps.replaceVars(GRAPH_HOLDS_DATA,
                        Map.of(Var.alloc("g"), NodeFactory.createURI(g))))).toList();
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("--data-graphs names " + String.join(", ", empty.stream().map(g -> "<" + g + ">").toList())
                + ", which hold" + (empty.size() == 1 ? "s" : "") + " no statement in the store at " + remote.endpoint().query()
                + ": no page, search or query will find anything there. " + held(storeGraphs(remote))
                + " Check the names (or load the data first).");
    }

    private static String held(List<String> graphs) {
        return graphs.isEmpty()
                ? "It lists no other named graph."
                : "It holds " + String.join(", ", graphs.stream().limit(NAMED).map(g -> "<" + g + ">").toList())
                        + (graphs.size() > NAMED ? ", …" : "") + ".";
    }

    private static List<String> storeGraphs(RemoteSparqlService remote) {
        List<String> graphs = new ArrayList<>();
        remote.selectStored(STORE_GRAPHS).forEachRemaining(row -> {
            Node g = row.get("g");
            if (g != null && g.isURI() && !g.getURI().equals(LG.ENTAILMENT_GRAPH)) {
                graphs.add(g.getURI());
            }
        });
        return graphs;
    }
}
