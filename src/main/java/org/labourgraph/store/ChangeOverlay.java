package org.labourgraph.store;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Collection;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphQuads;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TransactionalNotSupportedMixin;

/**
 * A store read through a {@link QuadLookup} (one call per quad pattern, as {@code RemoteQuads} asks an external store), with a
 * change laid over it in memory: what the entailment rules read and write when they follow a write that another store
 * will make. Nothing reaches the store; {@link #added()} and {@link #deleted()} are the net difference. Only the
 * named graphs are used (the rules never read or write the default graph); no transactions: one thread, one change.
 */
final class ChangeOverlay extends DatasetGraphQuads implements BatchedLookups, TransactionalNotSupportedMixin {
    private final QuadLookup store;
    private final HeldWrites held = new HeldWrites();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    ChangeOverlay(QuadLookup store) {
        this.store = store;
    }

    @Override
    public void prefetch(Collection<Quad> patterns) {
        store.prefetch(patterns);
    }

    /**
     * Lays a change already worked out as net statements (the store lacks each added quad and holds each deleted one)
     * over the store, without asking it again.
     */
    void layNet(Collection<Quad> netAdded, Collection<Quad> netDeleted) {
        held.layNet(netAdded, netDeleted);
    }

    /** Quads the store does not hold and the change adds. */
    Set<Quad> added() {
        return held.added();
    }

    /** Quads the store holds and the change deletes. */
    Set<Quad> deleted() {
        return held.deleted();
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        Quad pattern = Quad.create(any(g), any(s), any(p), any(o));
        // A list: the rules may write while they read what a lookup gave.
        List<Quad> out = Iter.toList(held.over(store.find(pattern).iterator(), pattern.getGraph(), pattern.getSubject(),
                pattern.getPredicate(), pattern.getObject()));
        return out.iterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Quad quad) {
        held.add(quad, () -> store.find(quad).contains(quad));
    }

    @Override
    public void delete(Quad quad) {
        held.delete(quad, () -> store.find(quad).contains(quad));
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    public boolean supportsTransactions() {
        return false; // one thread, one change: transactions are the store's, not this overlay's
    }

    @Override
    public boolean supportsTransactionAbort() {
        return false;
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }
}
