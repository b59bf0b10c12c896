package org.labourgraph.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.PrecheckedWrites;

/**
 * The store inside a change's write transaction, with the entailment rules' writes held in memory until {@link #flush}:
 * reads see the store with those writes laid over it, and only the net difference reaches the store. Delete-and-rederive
 * takes out every transitive pair a removed link supported and puts back those that still hold; moving a subtree under
 * a sibling thus deletes, then re-adds, a pair per concept of the subtree and ancestor they keep. Here such a pair is
 * never written: the store gets the pairs that really changed, and its indexes (six per quad) and the text index are
 * written once per net change instead of three times.
 *
 * <p>At most {@link #MAX_HELD} quads are held: past that the net so far is written and the buffer starts again, so a
 * change that entails millions of quads costs the heap no more than that. One thread, one change; the rules never
 * write while they iterate (TDB2 forbids it too), so the lazy reads here never see the buffer change under them.
 */
final class BufferedEntailmentWrites extends DatasetGraphWrapper implements PrecheckedWrites {
    static final int MAX_HELD = 300_000;

    private final DatasetGraph store;
    /** Quads the store lacks and the rules added. */
    private final Set<Quad> added = new LinkedHashSet<>();
    /** The same by subject and property, and by property and object: the two lookups the rules make on the closure. */
    private final Map<List<Node>, Set<Quad>> addedBySubject = new HashMap<>();
    private final Map<List<Node>, Set<Quad>> addedByObject = new HashMap<>();
    /** And by statement, whatever the graph: the rules' test of one statement (a top concept holds tens of thousands
     * of narrowerTransitive links under one subject and property, too many to scan per test). */
    private final Map<Triple, Set<Quad>> addedByStatement = new HashMap<>();
    /** Quads the store holds and the rules deleted. */
    private final Set<Quad> deleted = new HashSet<>();
    private long netAdded;
    private long netDeleted;

    private final int maxHeld;

    BufferedEntailmentWrites(DatasetGraph store) {
        this(store, MAX_HELD);
    }

    /** Holding at most {@code maxHeld} quads before writing the net so far. */
    BufferedEntailmentWrites(DatasetGraph store, int maxHeld) {
        super(store);
        this.store = store;
        this.maxHeld = maxHeld;
    }

    @Override
    public Iterator<Quad> find(Node graph, Node subject, Node property, Node object) {
        Node g = any(graph);
        Node s = any(subject);
        Node p = any(property);
        Node o = any(object);
        Iterator<Quad> stored = store.find(g, s, p, o);
        Iterator<Quad> kept = deleted.isEmpty() ? stored : Iter.filter(stored, q -> !deleted.contains(q));
        if (added.isEmpty()) {
            return kept;
        }
        return Iter.concat(kept, Iter.filter(addedMatching(s, p, o).iterator(), q -> q.matches(g, s, p, o)));
    }

    @Override
    public Iterator<Quad> find(Quad pattern) {
        return find(pattern.getGraph(), pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
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
    public void add(Node g, Node s, Node p, Node o) {
        if (!contains(g, s, p, o)) {
            addAbsent(g, s, p, o);
        }
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (contains(g, s, p, o)) {
            deletePresent(g, s, p, o);
        }
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** Absent from this view: either deleted here (then back as the store has it) or in no graph of the store. */
    @Override
    public void addAbsent(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g, s, p, o);
        if (!deleted.remove(q)) {
            added.add(q);
            addedBySubject.computeIfAbsent(List.of(s, p), k -> new LinkedHashSet<>()).add(q);
            addedByObject.computeIfAbsent(List.of(p, o), k -> new LinkedHashSet<>()).add(q);
            addedByStatement.computeIfAbsent(q.asTriple(), k -> new LinkedHashSet<>()).add(q);
            flushIfFull();
        }
    }

    /** Present in this view: either added here (then simply forgotten) or held by the store. */
    @Override
    public void deletePresent(Node g, Node s, Node p, Node o) {
        Quad q = Quad.create(g, s, p, o);
        if (added.remove(q)) {
            addedBySubject.get(List.of(s, p)).remove(q);
            addedByObject.get(List.of(p, o)).remove(q);
            addedByStatement.get(q.asTriple()).remove(q);
        } else {
            deleted.add(q);
            flushIfFull();
        }
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        throw new UnsupportedOperationException("The entailment rules delete quad by quad");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("The entailment rules delete quad by quad");
    }

    /** Writes the net difference held so far to the store (in its transaction) and empties the buffer. */
    void flush() {
        for (Quad q : deleted) {
            PrecheckedWrites.deletePresent(store, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
        for (Quad q : added) {
            PrecheckedWrites.addAbsent(store, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
        netDeleted += deleted.size();
        netAdded += added.size();
        deleted.clear();
        added.clear();
        addedBySubject.clear();
        addedByObject.clear();
        addedByStatement.clear();
    }

    /** Quads written to the store by {@link #flush}, added and deleted. */
    IncrementalEntailments.Counts written() {
        return new IncrementalEntailments.Counts(netAdded, netDeleted);
    }

    private void flushIfFull() {
        if (added.size() + deleted.size() >= maxHeld) {
            flush();
        }
    }

    /** The added quads that may match: by index where the pattern names the statement, subject and property, or
     * property and object. */
    private Set<Quad> addedMatching(Node s, Node p, Node o) {
        if (concrete(s) && concrete(p) && concrete(o)) {
            return addedByStatement.getOrDefault(Triple.create(s, p, o), Set.of());
        }
        if (concrete(p) && concrete(s)) {
            return addedBySubject.getOrDefault(List.of(s, p), Set.of());
        }
        if (concrete(p) && concrete(o)) {
            return addedByObject.getOrDefault(List.of(p, o), Set.of());
        }
        return added;
    }

    private static boolean concrete(Node n) {
        return n.isConcrete();
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }
}
