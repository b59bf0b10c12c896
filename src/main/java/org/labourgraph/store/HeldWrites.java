package org.labourgraph.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes held in memory over a store, as their net difference: the quads the store lacks and the writes added, the
 * quads it holds and the writes deleted. A quad taken out, then put back, is in neither. The added quads are indexed
 * as the entailment rules look them up (by statement, by subject and property, by property and object): a top
 * concept's tens of thousands of held narrowerTransitive links are never scanned to test one.
 */
final class HeldWrites {
    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> deleted = new LinkedHashSet<>();
    private final Map<Triple, Set<Quad>> addedByStatement = new HashMap<>();
    private final Map<List<Node>, Set<Quad>> addedBySubject = new HashMap<>();
    private final Map<List<Node>, Set<Quad>> addedByObject = new HashMap<>();

    /** The store's quads for a pattern ({@code Node.ANY} for a free term) as the held writes leave them. */
    Iterator<Quad> over(Iterator<Quad> stored, Node g, Node s, Node p, Node o) {
        Iterator<Quad> kept = deleted.isEmpty() ? stored : Iter.filter(stored, q -> !deleted.contains(q));
        if (added.isEmpty()) {
            return kept;
        }
        return Iter.concat(kept, Iter.filter(addedMatching(s, p, o).iterator(), q -> q.matches(g, s, p, o)));
    }

    /** Adds {@code q}; {@code storeHolds} is asked only when the writes have not deleted it already. */
    void add(Quad q, BooleanSupplier storeHolds) {
        if (!deleted.remove(q) && !added.contains(q) && !storeHolds.getAsBoolean()) {
            added.add(q);
            addedByStatement.computeIfAbsent(q.asTriple(), k -> new LinkedHashSet<>()).add(q);
            addedBySubject.computeIfAbsent(List.of(q.getSubject(), q.getPredicate()), k -> new LinkedHashSet<>()).add(q);
            addedByObject.computeIfAbsent(List.of(q.getPredicate(), q.getObject()), k -> new LinkedHashSet<>()).add(q);
        }
    }

    /** Deletes {@code q}; {@code storeHolds} is asked only when the writes have not added it. */
    void delete(Quad q, BooleanSupplier storeHolds) {
        if (added.remove(q)) {
            addedByStatement.get(q.asTriple()).remove(q);
            addedBySubject.get(List.of(q.getSubject(), q.getPredicate())).remove(q);
            addedByObject.get(List.of(q.getPredicate(), q.getObject())).remove(q);
        } else if (storeHolds.getAsBoolean()) {
            deleted.add(q);
        }
    }

    /** Lays net writes already worked out (the store lacks each added quad and holds each deleted one). */
    void layNet(Collection<Quad> netAdded, Collection<Quad> netDeleted) {
        netAdded.forEach(q -> add(q, () -> false));
        netDeleted.forEach(q -> delete(q, () -> true));
    }

    Set<Quad> added() {
        return added;
    }

    Set<Quad> deleted() {
        return deleted;
    }

    int size() {
        return added.size() + deleted.size();
    }

    void clear() {
        added.clear();
        deleted.clear();
        addedByStatement.clear();
        addedBySubject.clear();
        addedByObject.clear();
    }

    /** The added quads that may match: by index where the pattern names enough, else all of them. */
    private Set<Quad> addedMatching(Node s, Node p, Node o) {
        if (s.isConcrete() && p.isConcrete() && o.isConcrete()) {
            return addedByStatement.getOrDefault(Triple.create(s, p, o), Set.of());
        }
        if (s.isConcrete() && p.isConcrete()) {
            return addedBySubject.getOrDefault(List.of(s, p), Set.of());
        }
        if (p.isConcrete() && o.isConcrete()) {
            return addedByObject.getOrDefault(List.of(p, o), Set.of());
        }
        return added;
    }
}
