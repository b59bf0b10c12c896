package org.labourgraph.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The store as it stood at a revision: today's asserted graphs with the later revisions undone (newest first), and
 * the entailments recomputed — an in-memory dataset shaped like the served one (union default graph), so the same
 * queries and pages work on it. A state never changes once reached, so a few are kept.
 */
public final class RevisionStates {
    private static final int KEPT = 4;
    private final RecordingDataset store;
    private final Node derivedGraph;
    private final UnaryOperator<Graph> entailments;
    private final Map<Long, DatasetGraph> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DatasetGraph> eldest) {
            return size() > KEPT;
        }
    };

    /** @param entailments the derived triples of an asserted graph (the store's entailment rules) */
    public RevisionStates(RecordingDataset store, String derivedGraph, UnaryOperator<Graph> entailments) {
        this.store = store;
        this.derivedGraph = NodeFactory.createURI(derivedGraph);
        this.entailments = entailments;
    }

    /** The dataset at revision {@code number} (1 … head); read it in transactions, as any TDB2 dataset. */
    public synchronized DatasetGraph at(long number) {
        DatasetGraph known = kept.get(number);
        if (known != null) {
            return known;
        }
        DatasetGraph state = DatabaseMgr.createDatasetGraph();
        state.getContext().set(TDB2.symUnionDefaultGraph, true);
        ChangeLog log = store.log();
        Txn.executeWrite(state, () -> log.readConsistent(store, head -> {
            if (number > head) {
                throw new IllegalArgumentException("revision " + number + " is after the newest, " + head);
            }
            store.getWrapped().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(derivedGraph)) {
                    state.add(q);
                }
            });
            List<Revision> revisions = log.revisions();
            for (long n = head; n > number; n--) {
                undo(state, revisions.get((int) n - 1));
            }
            return null;
        }));
        Txn.executeWrite(state, () -> {
            Graph asserted = GraphFactory.createDefaultGraph();
            state.find().forEachRemaining(q -> asserted.add(q.asTriple()));
            entailments.apply(asserted).find().forEachRemaining(t -> state.add(derivedGraph, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        kept.put(number, state);
        return state;
    }

    /** Takes a revision back: what it added goes, what it deleted returns. */
    static void undo(DatasetGraph state, Revision r) {
        r.added().forEach(q -> state.delete(q));
        r.deleted().forEach(q -> state.add(q));
    }

    /** The statements about {@code iri} (as subject) at revision {@code number}, from every asserted graph. */
    public Graph descriptionAt(String iri, long number) {
        DatasetGraph state = at(number);
        Node s = NodeFactory.createURI(iri);
        Graph out = GraphFactory.createDefaultGraph();
        Txn.executeRead(state, () -> state.find(Node.ANY, s, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!q.getGraph().equals(derivedGraph) && !Quad.isDefaultGraph(q.getGraph())) {
                out.add(q.asTriple());
            }
        }));
        return out;
    }
}
