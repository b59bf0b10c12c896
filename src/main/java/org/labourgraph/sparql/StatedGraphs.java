package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;
import org.labourgraph.store.ChangeMarker;
import org.labourgraph.vocab.LG;

/**
 * The named graphs that hold stated data (every data graph but the entailment graph), which the page queries name as
 * the values of their {@code GRAPH ?g}: a store then reads a resource's statements in each graph by index, instead of
 * reading every entailed link of a top concept (tens of thousands) to drop them with a filter. Embedded, the list is
 * kept until the next commit of the served store (a commit is what can add or remove a graph).
 */
final class StatedGraphs {
    private static final Symbol KEY = Symbol.create("https://w3id.org/labourgraph/ontology#statedGraphs");
    private static final Node ENTAILMENTS = NodeFactory.createURI(LG.ENTAILMENT_GRAPH);

    private record Listed(long commits, List<Node> graphs) {}

    private StatedGraphs() {}

    /** The stated graphs of an embedded dataset; call inside a read transaction. */
    static List<Node> of(DatasetGraph dataset) {
        // Only a marker the server attached (to the served store): attaching one here, inside the read transaction,
        // would wait for the coordinator's exclusive access. A dataset without one (a past revision's) is listed.
        ChangeMarker marker = ChangeMarker.attached(dataset).orElse(null);
        if (marker == null || !marker.watchesCommits()) {
            return list(dataset);
        }
        // The count read before the listing: the list kept under it is at least as new as that commit.
        long commits = marker.commits();
        if (dataset.getContext().get(KEY) instanceof Listed kept && kept.commits() == commits) {
            return kept.graphs();
        }
        List<Node> graphs = list(dataset);
        dataset.getContext().set(KEY, new Listed(commits, graphs));
        return graphs;
    }

    /** The given data graphs (IRIs) without the entailment graph, as nodes in IRI order. */
    static List<Node> of(List<String> dataGraphs) {
        return dataGraphs.stream().sorted().map(NodeFactory::createURI).filter(g -> !g.equals(ENTAILMENTS)).toList();
    }

    private static List<Node> list(DatasetGraph dataset) {
        List<Node> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (g.isURI() && !g.equals(ENTAILMENTS)) {
                graphs.add(g);
            }
        });
        // In IRI order: the query made from the list reads the same whichever way the store lists its graphs.
        graphs.sort(Comparator.comparing(Node::getURI));
        return List.copyOf(graphs);
    }
}
