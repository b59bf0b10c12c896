package org.labourgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.history.UpdateDeltas;

/**
 * What a change of stated quads does to the entailment graph of a store this process reads only through lookups (an
 * external SPARQL store): the same rules and the same delete-and-rederive as the embedded store
 * ({@link IncrementalEntailments}), run over the store with the change laid over it in memory ({@link ChangeOverlay}),
 * so the cost follows what the change touches: a few lookups per statement. A change to the schema changes the rules
 * themselves: then the entailments are computed again from all the stated data ({@link Entailments#of}) and compared
 * with the graph the store holds, which reads the whole store.
 *
 * <p>Statements with a blank node are left out on both sides: a store's blank nodes cannot be named in an update.
 */
public final class EntailmentChange {
    private EntailmentChange() {}

    /**
     * The entailed statements to add to and delete from {@code graph} when {@code added} and {@code deleted} (net, as
     * {@link UpdateDeltas} works them out) are made in the store {@code store} answers for.
     */
    public static UpdateDeltas.Delta of(QuadLookup store, Node graph, Collection<Quad> added,
                                        Collection<Quad> deleted) {
        ChangeOverlay overlay = new ChangeOverlay(store);
        Set<Quad> stated = new LinkedHashSet<>();
        Set<Quad> unstated = new LinkedHashSet<>();
        for (Quad q : deleted) {
            if (!q.getGraph().equals(graph)) {
                overlay.delete(q);
                unstated.add(q);
            }
        }
        for (Quad q : added) {
            if (!q.getGraph().equals(graph)) {
                overlay.add(q);
                stated.add(q);
            }
        }
        if (stated.isEmpty() && unstated.isEmpty()) {
            return UpdateDeltas.Delta.NONE;
        }
        if (IncrementalEntailments.needsFullRefresh(stated, unstated)) {
            return recomputed(overlay, graph);
        }
        IncrementalEntailments.apply(overlay, graph, stated, unstated, false);
        return new UpdateDeltas.Delta(named(overlay.added(), graph), named(overlay.deleted(), graph));
    }

    /** Every entailment of the stated data as the change leaves it, against what the store's graph holds now. */
    private static UpdateDeltas.Delta recomputed(ChangeOverlay overlay, Node graph) {
        Graph stated = GraphFactory.createDefaultGraph();
        Set<Triple> held = new LinkedHashSet<>();
        overlay.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(graph)) {
                held.add(q.asTriple());
            } else {
                stated.add(q.asTriple());
            }
        });
        Graph entailed = Entailments.of(stated);
        List<Quad> toAdd = new ArrayList<>();
        entailed.find().forEachRemaining(t -> {
            if (!held.remove(t) && !aboutBlankNode(t)) {
                toAdd.add(Quad.create(graph, t));
            }
        });
        List<Quad> toDelete = held.stream().filter(t -> !aboutBlankNode(t)).map(t -> Quad.create(graph, t)).toList();
        return new UpdateDeltas.Delta(toAdd, toDelete);
    }

    /** The quads of {@code graph} among {@code quads}, less those with a blank node. */
    private static List<Quad> named(Set<Quad> quads, Node graph) {
        return quads.stream().filter(q -> q.getGraph().equals(graph) && !aboutBlankNode(q.asTriple())).toList();
    }

    private static boolean aboutBlankNode(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }
}
