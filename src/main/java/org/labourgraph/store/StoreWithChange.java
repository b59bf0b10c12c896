package org.labourgraph.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A store read only by asking ({@link QuadLookup}: an external SPARQL store) seen as one graph, the union of its
 * graphs, with a change laid over it in memory: what the shapes read to judge a write before it is sent. Each
 * {@code find} is one look-up on the store (the lookup may keep answers); nothing reaches the store.
 */
public final class StoreWithChange extends GraphBase {
    private final ChangeOverlay overlay;

    private StoreWithChange(ChangeOverlay overlay) {
        this.overlay = overlay;
    }

    /**
     * The union of {@code store}'s graphs with a net change over it: {@code added} quads the store lacks, {@code deleted}
     * quads it holds (as a change worked out on the store gives them). Empty collections: the store as it is.
     */
    public static StoreWithChange union(QuadLookup store, Collection<Quad> added, Collection<Quad> deleted) {
        ChangeOverlay overlay = new ChangeOverlay(store);
        overlay.layNet(added, deleted);
        return new StoreWithChange(overlay);
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Set<Triple> triples = new LinkedHashSet<>(); // a statement in several graphs is one statement of the union
        overlay.find(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject())
                .forEachRemaining(q -> triples.add(q.asTriple()));
        return WrappedIterator.create(triples.iterator());
    }
}
