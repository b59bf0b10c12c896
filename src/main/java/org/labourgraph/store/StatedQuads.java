package org.labourgraph.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * A store's stated statements matching a pattern: read graph by graph, the default graph too, an entailment graph left
 * out. Not one read across all graphs filtered afterwards: a concept near the top of a large tree has tens of thousands
 * of entailed statements (skos:narrowerTransitive, skos:broaderTransitive) that such a read goes through to skip.
 */
public final class StatedQuads {
    private StatedQuads() {}

    /** The quads matching {@code (s, p, o)} in every graph of {@code store} but {@code entailmentGraph}. */
    public static Iterator<Quad> find(DatasetGraph store, Node entailmentGraph, Node s, Node p, Node o) {
        List<Node> graphs = new ArrayList<>(List.of(Quad.defaultGraphIRI));
        store.listGraphNodes().forEachRemaining(g -> {
            if (!g.equals(entailmentGraph)) {
                graphs.add(g);
            }
        });
        return Iter.flatMap(graphs.iterator(), g -> store.find(g, s, p, o));
    }
}
