package org.labourgraph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.history.PrecheckedWrites;
import org.labourgraph.vocab.LG;

/**
 * Keeps the entailment graph up to date with one change, in the change's own write transaction, at a cost that
 * grows with what the change touches rather than with the store: delete-and-rederive (DRed, as in Motik et al.,
 * "Incremental update of datalog materialisation", AAAI 2015) over the same rules as {@link Entailments}.
 *
 * <ol>
 *   <li>Over-delete: every entailed triple with a derivation through a removed triple is taken out (for a
 *       transitive property, removing a→b takes out descendants(a) × ancestors(b), read from the closure
 *       already stored: one index lookup each side).</li>
 *   <li>Re-derive: each triple taken out that still has a one-step derivation from what is left goes back.</li>
 *   <li>Insert: from the added and re-derived triples, forward to the fixed point (an added a→b on a transitive
 *       property adds descendants(a) × ancestors(b); those pairs are closed already and are not joined again).</li>
 * </ol>
 * (On the embedded store, closures left to query time, {@link ClosuresAtQueryTime}, are one-step rules like the others.)
 * A change to the schema (sub-classes, sub-properties, inverses, symmetric or transitive properties) changes the
 * rules themselves: the caller recomputes everything instead ({@link #needsFullRefresh}).
 */
final class IncrementalEntailments {
    private static final Node TYPE = RDF.type.asNode();
    private static final Node DCT_SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Node DISCUSSES = LG.discusses.asNode();
    private static final Node CONCEPT = SKOS.Concept.asNode();

    private final DatasetGraph dataset;
    private final Node graph;
    private final Entailments.Schema schema;
    /** q → the properties whose triples give a q triple by sub-property (the reverse of superProperties). */
    private final Map<Node, Set<Node>> subProperties = new HashMap<>();
    /** q → the properties whose reversed triples give a q triple (the reverse of inverses). */
    private final Map<Node, Set<Node>> inverseSources = new HashMap<>();
    /** c → the classes whose members are c's members too (the reverse of superClasses). */
    private final Map<Node, Set<Node>> subClasses = new HashMap<>();
    private long added;
    private long removed;

    private IncrementalEntailments(DatasetGraph dataset, Node graph, Entailments.Schema schema) {
        this.dataset = dataset;
        this.graph = graph;
        this.schema = schema;
        reverse(schema.superProperties, subProperties);
        reverse(schema.inverses, inverseSources);
        reverse(schema.superClasses, subClasses);
    }

    /** True if the change touches the rules themselves (a schema triple), after which only a full refresh is right. */
    static boolean needsFullRefresh(Set<Quad> added, Set<Quad> deleted) {
        for (Set<Quad> quads : List.of(added, deleted)) {
            for (Quad q : quads) {
                if (StreamingEntailments.isSchema(q.asTriple())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Brings the entailment graph from "right for the store before the change" to "right after it"; the change's
     * asserted quads are already written. Runs inside the change's write transaction. {@code closuresAtQueryTime}: the
     * embedded store, whose queries close skos:broaderTransitive and its like ({@link ClosuresAtQueryTime}); an
     * external store keeps every closure.
     */
    static Counts apply(DatasetGraph dataset, Node graph, Set<Quad> addedQuads, Set<Quad> deletedQuads, boolean closuresAtQueryTime) {
        BatchedLookups.prefetch(dataset, StreamingEntailments.schemaPatterns());
        Entailments.Schema schema = StreamingEntailments.schemaOf(dataset, graph);
        IncrementalEntailments e = new IncrementalEntailments(dataset, graph, closuresAtQueryTime ? schema.closingAtQueryTime() : schema);
        e.run(triples(addedQuads, graph), triples(deletedQuads, graph));
        return new Counts(e.added, e.removed);
    }

    /** Entailed triples the change added and removed. */
    record Counts(long added, long removed) {}

    private void run(Set<Triple> addedTriples, Set<Triple> deletedTriples) {
        // Removed from one graph but still stated in another: nothing was removed from what the store says.
        prefetch(deletedTriples);
        prefetch(addedTriples);
        Set<Triple> gone = new LinkedHashSet<>();
        for (Triple t : deletedTriples) {
            if (!assertedAnywhere(t)) {
                gone.add(t);
            }
        }
        Set<Triple> overdeleted = overdelete(gone);
        for (Triple t : overdeleted) {
            if (dataset.contains(graph, t.getSubject(), t.getPredicate(), t.getObject())) {
                PrecheckedWrites.deletePresent(dataset, graph, t.getSubject(), t.getPredicate(), t.getObject());
                removed++;
            }
        }
        Deque<Step> work = new ArrayDeque<>();
        // Re-derive: what was taken out (and what is no longer stated) but follows in one step from what is left.
        prefetchDerivations(gone);
        prefetchDerivations(overdeleted);
        for (Set<Triple> candidates : List.of(gone, overdeleted)) {
            for (Triple t : candidates) {
                if (!inStore(t) && derivableInOneStep(t)) {
                    addAbsent(t);
                    work.add(new Step(t, false));
                }
            }
        }
        for (Triple t : addedTriples) {
            if (dataset.contains(graph, t.getSubject(), t.getPredicate(), t.getObject())) {
                // Entailed before, stated now: it leaves the entailment graph, and nothing it entails changes.
                PrecheckedWrites.deletePresent(dataset, graph, t.getSubject(), t.getPredicate(), t.getObject());
                removed++;
            } else {
                work.add(new Step(t, false));
            }
        }
        insert(work);
    }

    /** A triple to follow forward; {@code closed} when it came from joining a transitive closure (no join again). */
    private record Step(Triple triple, boolean closed) {}

    /** Every entailed triple with a derivation that uses one of {@code seeds}, read from the store before any removal. */
    private Set<Triple> overdelete(Set<Triple> seeds) {
        Set<Triple> out = new LinkedHashSet<>();
        Deque<Step> pending = new ArrayDeque<>();
        seeds.forEach(t -> pending.add(new Step(t, false)));
        // In waves (the queue as it stands), so that a store whose lookups are round trips gets each wave's lookups
        // together: nothing is written here, so all of a wave's reads can go first.
        while (!pending.isEmpty()) {
            List<Step> wave = new ArrayList<>(pending);
            pending.clear();
            List<Set<Triple>> locals = prefetchWave(wave);
            List<List<Triple>> pairs = new ArrayList<>(wave.size());
            Set<Triple> allPairs = new LinkedHashSet<>();
            for (Step step : wave) {
                List<Triple> closed = isTransitive(step.triple()) && !step.closed() ? closurePairs(step.triple()) : List.of();
                pairs.add(closed);
                allPairs.addAll(closed);
            }
            prefetch(allPairs);
            for (int i = 0; i < wave.size(); i++) {
                Step step = wave.get(i);
                for (Triple c : locals.get(i)) {
                    markDeleted(c, step.closed() && isTransitive(c), out, pending);
                }
                for (Triple pair : pairs.get(i)) {
                    markDeleted(pair, true, out, pending);
                }
                discussesConsequences(step.triple()).forEach(c -> markDeleted(c, false, out, pending));
            }
        }
        return out;
    }

    /**
     * For a transitive a→b: descendants(a) × ancestors(b), a and b included, read from the closure already stored (the
     * two reads, then the pairs' own lookups, asked together where the store gains from it).
     */
    private List<Triple> closurePairs(Triple t) {
        Node p = t.getPredicate();
        List<Triple> pairs = new ArrayList<>();
        for (Node x : withSelf(t.getSubject(), subjects(p, t.getSubject()))) {
            for (Node y : withSelf(t.getObject(), objects(t.getObject(), p))) {
                pairs.add(Triple.create(x, p, y));
            }
        }
        return pairs;
    }

    /**
     * Each step's local consequences, after naming to a round-trip dataset every lookup the wave's rules start with:
     * those consequences, the closure reads of its transitive steps and the premises of the discusses rule. What a
     * wave writes is seen by later reads all the same: the dataset lays its own writes over what it fetched.
     */
    private List<Set<Triple>> prefetchWave(List<Step> wave) {
        List<Set<Triple>> locals = new ArrayList<>(wave.size());
        List<Quad> patterns = new ArrayList<>();
        for (Step step : wave) {
            Triple t = step.triple();
            Set<Triple> local = schema.localConsequences(t);
            locals.add(local);
            local.forEach(c -> patterns.add(Quad.create(Node.ANY, c)));
            if (isTransitive(t) && !step.closed()) {
                patterns.add(Quad.create(Node.ANY, Node.ANY, t.getPredicate(), t.getSubject()));
                patterns.add(Quad.create(Node.ANY, t.getObject(), t.getPredicate(), Node.ANY));
            }
            if (t.getPredicate().equals(DCT_SUBJECT)) {
                patterns.add(Quad.create(Node.ANY, t.getObject(), TYPE, CONCEPT));
            } else if (t.getPredicate().equals(TYPE) && t.getObject().equals(CONCEPT)) {
                patterns.add(Quad.create(Node.ANY, Node.ANY, DCT_SUBJECT, t.getSubject()));
            }
        }
        BatchedLookups.prefetch(dataset, patterns);
        return locals;
    }

    /** Names the triples about to be looked up, for a dataset whose lookups are round trips. */
    private void prefetch(Collection<Triple> triples) {
        if (dataset instanceof BatchedLookups && !triples.isEmpty()) {
            List<Quad> patterns = new ArrayList<>(triples.size());
            triples.forEach(t -> patterns.add(Quad.create(Node.ANY, t)));
            BatchedLookups.prefetch(dataset, patterns);
        }
    }

    private void markDeleted(Triple c, boolean closed, Set<Triple> out, Deque<Step> pending) {
        // Only entailed triples go; a stated one stays true, and so does everything it entails.
        if (!out.contains(c) && dataset.contains(graph, c.getSubject(), c.getPredicate(), c.getObject())) {
            out.add(c);
            pending.add(new Step(c, closed));
        }
    }

    /** Forward from new triples to the fixed point, adding what is in no graph yet. */
    private void insert(Deque<Step> work) {
        // In waves, as overdelete, but each step's closure is read when the step comes: a step must see the closure
        // as the steps before it in the wave left it.
        while (!work.isEmpty()) {
            List<Step> wave = new ArrayList<>(work);
            work.clear();
            List<Set<Triple>> locals = prefetchWave(wave);
            for (int i = 0; i < wave.size(); i++) {
                Step step = wave.get(i);
                Triple t = step.triple();
                for (Triple c : locals.get(i)) {
                    addIfNew(c, step.closed() && isTransitive(c), work);
                }
                if (isTransitive(t) && !step.closed()) {
                    List<Triple> pairs = closurePairs(t);
                    prefetch(pairs);
                    for (Triple pair : pairs) {
                        addIfNew(pair, true, work);
                    }
                }
                for (Triple c : discussesConsequences(t)) {
                    addIfNew(c, false, work);
                }
            }
        }
    }

    private void addIfNew(Triple c, boolean closed, Deque<Step> work) {
        if (!inStore(c)) {
            addAbsent(c);
            work.add(new Step(c, closed));
        }
    }

    /** The lg:discusses rule, from either of its two premises, joined with the other as the store has it. */
    private List<Triple> discussesConsequences(Triple t) {
        List<Triple> out = new ArrayList<>(1);
        if (t.getPredicate().equals(DCT_SUBJECT) && inStore(Triple.create(t.getObject(), TYPE, CONCEPT))) {
            out.add(Triple.create(t.getSubject(), DISCUSSES, t.getObject()));
        } else if (t.getPredicate().equals(TYPE) && t.getObject().equals(CONCEPT)) {
            for (Node work : subjects(DCT_SUBJECT, t.getSubject())) {
                out.add(Triple.create(work, DISCUSSES, t.getSubject()));
            }
        }
        return out;
    }

    /** Names the first lookups {@link #derivableInOneStep} makes for each of {@code triples}, for a round-trip dataset. */
    private void prefetchDerivations(Collection<Triple> triples) {
        if (!(dataset instanceof BatchedLookups) || triples.isEmpty()) {
            return;
        }
        List<Triple> premises = new ArrayList<>();
        for (Triple t : triples) {
            Node s = t.getSubject();
            Node q = t.getPredicate();
            Node o = t.getObject();
            premises.add(t);
            subProperties.getOrDefault(q, Set.of()).forEach(p -> premises.add(Triple.create(s, p, o)));
            if (o.isURI() || o.isBlank()) {
                inverseSources.getOrDefault(q, Set.of()).forEach(p -> premises.add(Triple.create(o, p, s)));
                if (schema.symmetric.contains(q)) {
                    premises.add(Triple.create(o, q, s));
                }
            }
            if (q.equals(TYPE)) {
                subClasses.getOrDefault(o, Set.of()).forEach(c -> premises.add(Triple.create(s, TYPE, c)));
            }
        }
        prefetch(premises);
    }

    /** Whether some rule gives {@code t} from one step of what the store holds now. */
    private boolean derivableInOneStep(Triple t) {
        Node s = t.getSubject();
        Node q = t.getPredicate();
        Node o = t.getObject();
        for (Node p : subProperties.getOrDefault(q, Set.of())) {
            if (inStore(Triple.create(s, p, o))) {
                return true;
            }
        }
        if (o.isURI() || o.isBlank()) {
            for (Node p : inverseSources.getOrDefault(q, Set.of())) {
                if (inStore(Triple.create(o, p, s))) {
                    return true;
                }
            }
            if (schema.symmetric.contains(q) && inStore(Triple.create(o, q, s))) {
                return true;
            }
        }
        if (q.equals(TYPE)) {
            for (Node c : subClasses.getOrDefault(o, Set.of())) {
                if (inStore(Triple.create(s, TYPE, c))) {
                    return true;
                }
            }
        }
        if (schema.storesClosureOf(q) && hasMiddle(s, q, o)) {
            return true;
        }
        return q.equals(DISCUSSES) && inStore(Triple.create(s, DCT_SUBJECT, o)) && inStore(Triple.create(o, TYPE, CONCEPT));
    }

    /**
     * Whether s q z and z q o for some z. The two sides are read in step and the one that ends first decides, with
     * one lookup per node of it: near the top of a tree one side is the whole tree below, the other a few ancestors.
     */
    private boolean hasMiddle(Node s, Node q, Node o) {
        Iterator<Quad> fromS = dataset.find(Node.ANY, s, q, Node.ANY);
        Iterator<Quad> toO = dataset.find(Node.ANY, Node.ANY, q, o);
        Set<Node> afterS = new HashSet<>();
        Set<Node> beforeO = new HashSet<>();
        while (fromS.hasNext() && toO.hasNext()) {
            Node z = fromS.next().getObject();
            Node y = toO.next().getSubject();
            if (beforeO.contains(z) || afterS.contains(y) || z.equals(y)) {
                return true;
            }
            afterS.add(z);
            beforeO.add(y);
        }
        // One side is read whole: the middle, if any, is one of its nodes; the other side is asked about each.
        boolean sideOfS = !fromS.hasNext();
        List<Triple> otherHalves = new ArrayList<>();
        for (Node z : sideOfS ? afterS : beforeO) {
            otherHalves.add(sideOfS ? Triple.create(z, q, o) : Triple.create(s, q, z));
        }
        prefetch(otherHalves);
        for (Triple half : otherHalves) {
            if (inStore(half)) {
                return true;
            }
        }
        return false;
    }

    private boolean isTransitive(Triple t) {
        return schema.storesClosureOf(t.getPredicate());
    }

    private boolean inStore(Triple t) {
        return dataset.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** Stated in a graph other than the entailment graph. */
    private boolean assertedAnywhere(Triple t) {
        Iterator<Quad> it = dataset.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        while (it.hasNext()) {
            if (!it.next().getGraph().equals(graph)) {
                return true;
            }
        }
        return false;
    }

    private void addAbsent(Triple t) {
        PrecheckedWrites.addAbsent(dataset, graph, t.getSubject(), t.getPredicate(), t.getObject());
        added++;
    }

    /** Distinct subjects of (? p o) in any graph, read whole before any write (TDB2 forbids writing while iterating). */
    private List<Node> subjects(Node p, Node o) {
        Set<Node> out = new LinkedHashSet<>();
        dataset.find(Node.ANY, Node.ANY, p, o).forEachRemaining(q -> out.add(q.getSubject()));
        return new ArrayList<>(out);
    }

    /** Distinct objects of (s p ?) in any graph. */
    private List<Node> objects(Node s, Node p) {
        Set<Node> out = new LinkedHashSet<>();
        dataset.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return new ArrayList<>(out);
    }

    private static List<Node> withSelf(Node self, List<Node> others) {
        if (!others.contains(self)) {
            others.add(0, self);
        }
        return others;
    }

    private static Set<Triple> triples(Set<Quad> quads, Node entailmentGraph) {
        Set<Triple> out = new LinkedHashSet<>();
        for (Quad q : quads) {
            if (!q.getGraph().equals(entailmentGraph)) {
                out.add(q.asTriple());
            }
        }
        return out;
    }

    private static void reverse(Map<Node, Set<Node>> relation, Map<Node, Set<Node>> into) {
        relation.forEach((from, tos) -> tos.forEach(to -> into.computeIfAbsent(to, k -> new HashSet<>()).add(from)));
    }
}
