package org.labourgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/** The shipped ontology and data in an in-memory store, and what its public asserted graphs hold, copied out. */
final class StoreFixture {
    private StoreFixture() {}

    static LabourStore loadedStore() {
        LabourStore store = LabourStore.inMemory();
        try {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
        } catch (Exception e) {
            throw new IllegalStateException("The shipped ontology/data do not load: " + e.getMessage(), e);
        }
        return store;
    }

    /** Every public named graph, as separate named graphs (what quad dumps must hold). */
    static DatasetGraph publicQuads(DatasetGraph store) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(store, () -> {
            for (String g : ExportScope.publicGraphs(store)) {
                Node gn = NodeFactory.createURI(g);
                Txn.executeWrite(copy, () -> store.find(gn, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add));
            }
        });
        return copy;
    }

    /** The merge of the public named graphs (what triple dumps must hold). */
    static Graph publicTriples(DatasetGraph store) {
        Graph merged = GraphFactory.createDefaultGraph();
        Txn.executeRead(store, () -> {
            for (String g : ExportScope.publicGraphs(store)) {
                store.find(NodeFactory.createURI(g), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> merged.add(q.asTriple()));
            }
        });
        return merged;
    }
}
