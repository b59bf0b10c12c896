package org.labourgraph.store;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.history.PrecheckedWrites;
import org.labourgraph.vocab.LG;

/**
 * The entailment graph of a store computed against the store itself, for any size: the same rules and result
 * as {@link Entailments#of(Graph)}, without copying the data into memory. Rules that need one triple and the
 * schema (sub-classes, sub-properties, inverses, symmetry) run triple by triple while the data streams past;
 * the two that join data (transitive closures, the lg:discusses rule) read what they need from the store's
 * indexes: in memory there is only the schema and the edges of the transitive properties. This is the embedded
 * store's computation: the closures its queries compute ({@link ClosuresAtQueryTime}) are left out.
 *
 * <p>Everything runs inside the caller's write transaction. TDB2 forbids changing the indexes while iterating
 * them, so a full refresh spills what the data entails to a temporary binary file and adds it afterwards; an import
 * does the same with its one-triple consequences ({@link SpilledTriples}), so that one the file itself states later
 * is never written and then taken out again.
 */
final class StreamingEntailments implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamingEntailments.class);
    private static final Node TYPE = RDF.type.asNode();
    private static final Node DCT_SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Node DISCUSSES = LG.discusses.asNode();
    private static final Set<Node> SCHEMA_PREDICATES = Set.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(),
            OWL.inverseOf.asNode());
    private static final Set<Node> SCHEMA_TYPES = Set.of(OWL.SymmetricProperty.asNode(), OWL.TransitiveProperty.asNode());

    private final DatasetGraph dataset;
    private final Node graph;
    private final Entailments.Schema schema;
    private final Set<Node> derivable = new HashSet<>();
    private long added;
    /** Triples this computation added, by property: a joining rule runs again only when its input properties gained some. */
    private final Map<Node, long[]> addedByProperty = new HashMap<>();

    /** What the store surely does not hold: a consequence it clears is written without a lookup. */
    private final AbsenceFilter absent;
    /**
     * An import's one-triple consequences, written when the data is in: the data may state one of them later (a
     * thesaurus states both skos:broader and skos:narrower), and then it never enters the entailment graph at all.
     */
    private SpilledTriples deferred;

    private StreamingEntailments(DatasetGraph dataset, Node graph, AbsenceFilter absent) {
        this.dataset = dataset;
        this.graph = graph;
        this.absent = absent;
        this.schema = schemaOf(dataset, graph).closingAtQueryTime();
        derivable.add(TYPE);
        derivable.add(RDFS.subClassOf.asNode());
        derivable.add(DISCUSSES);
        schema.superProperties.values().forEach(derivable::addAll);
        schema.inverses.values().forEach(derivable::addAll);
        derivable.addAll(schema.symmetric);
        derivable.addAll(schema.transitive);
    }

    /** For adding data to a store whose entailment graph is up to date: call {@link #asserted} per new triple, then {@link #finish}. */
    static StreamingEntailments incremental(DatasetGraph dataset, Node graph, AbsenceFilter absent, Path spillFolder) {
        StreamingEntailments entailments = new StreamingEntailments(dataset, graph, absent);
        entailments.deferred = new SpilledTriples(spillFolder);
        return entailments;
    }

    /** Recomputes the entailment graph from every other named graph; returns its size. In a write transaction. */
    static long refresh(DatasetGraph dataset, Node graph, Path spillFolder) {
        dataset.removeGraph(graph);
        StreamingEntailments entailments = new StreamingEntailments(dataset, graph, AbsenceFilter.none());
        try (SpilledTriples derived = new SpilledTriples(spillFolder)) {
            Iterator<Quad> quads = dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            while (quads.hasNext()) {
                Quad q = quads.next();
                if (!q.getGraph().equals(graph)) {
                    entailments.closure(q.asTriple()).forEach(derived::add);
                }
            }
            derived.replay(entailments::addIfNew);
        }
        long entailed = entailments.finish();
        ClosuresAtQueryTime.publish(dataset, entailments.schema.closedAtQueryTime);
        return entailed;
    }

    /** True if the triple changes the schema (the rules themselves): then only a full refresh is right. */
    static boolean isSchema(Triple t) {
        return SCHEMA_PREDICATES.contains(t.getPredicate())
                || (t.getPredicate().equals(TYPE) && SCHEMA_TYPES.contains(t.getObject()));
    }

    /**
     * A triple was just added to a data graph: derive what it entails alone, and keep asserted triples out of the
     * entailments ({@code wasAbsent}: the store held it in no graph before, so not among the entailments either).
     */
    void asserted(Triple t, boolean wasAbsent) {
        if (!wasAbsent && derivable.contains(t.getPredicate())) {
            dataset.delete(graph, t.getSubject(), t.getPredicate(), t.getObject());
        }
        closure(t).forEach(deferred::add);
    }

    /** Removes the file of deferred consequences (also when the import fails). */
    @Override
    public void close() {
        if (deferred != null) {
            deferred.close();
        }
    }

    /**
     * Runs the joining rules to a fixed point; returns how many triples this computation added in all. After the first
     * pass a rule runs again only if a triple of a property it reads was added since it last ran (other than the pairs
     * a transitive closure added itself, which are already closed): once the closures are whole, a second pass that
     * re-reads every transitive pair of the store to find nothing new is not made.
     */
    long finish() {
        if (deferred != null) {
            deferred.replay(this::addIfNew);
        }
        Map<Node, Long> closedAt = new HashMap<>();
        long discussesReadAt = -1;
        long closing = 0;
        long discussing = 0;
        int passes = 0;
        boolean again = true;
        while (again) {
            again = false;
            long t0 = System.nanoTime();
            for (Node p : storedClosures()) {
                Long at = closedAt.get(p);
                if (at == null || addedOf(p) > at) {
                    long before = addedOf(p);
                    long own = transitiveClosure(p);
                    closedAt.put(p, before + own);
                }
            }
            long t1 = System.nanoTime();
            if (discussesReadAt < 0 || discussesInputs() > discussesReadAt) {
                discussesReadAt = discussesInputs();
                discusses();
            }
            closing += t1 - t0;
            discussing += System.nanoTime() - t1;
            passes++;
            for (Node p : storedClosures()) {
                again |= addedOf(p) > closedAt.get(p);
            }
            again |= discussesInputs() > discussesReadAt;
        }
        LOG.debug("Joining rules: {} pass(es), transitive closures {} ms, lg:discusses {} ms; {} triples entailed in all",
                passes, closing / 1_000_000, discussing / 1_000_000, added);
        return added;
    }

    /** The transitive properties whose closure this store keeps in its entailment graph. */
    private List<Node> storedClosures() {
        return schema.transitive.stream().filter(schema::storesClosureOf).toList();
    }

    private long addedOf(Node property) {
        long[] n = addedByProperty.get(property);
        return n == null ? 0 : n[0];
    }

    /** What the lg:discusses rule reads and this computation may add to: types and dcterms:subject. */
    private long discussesInputs() {
        return addedOf(TYPE) + addedOf(DCT_SUBJECT);
    }

    /** The triple's consequences under the one-triple rules, followed to the end (a consequence's own consequences too). */
    private Set<Triple> closure(Triple t) {
        Set<Triple> out = new HashSet<>();
        Deque<Triple> pending = new ArrayDeque<>(schema.localConsequences(t));
        while (!pending.isEmpty()) {
            Triple next = pending.poll();
            if (!next.equals(t) && out.add(next)) {
                pending.addAll(schema.localConsequences(next));
            }
        }
        return out;
    }

    private void addIfNew(Triple t) {
        if (isNew(t)) {
            addAbsent(t.getSubject(), t.getPredicate(), t.getObject());
        }
    }

    private void addWithConsequences(Triple t) {
        if (isNew(t)) {
            addAbsent(t.getSubject(), t.getPredicate(), t.getObject());
            closure(t).forEach(this::addIfNew);
        }
    }

    /** In no graph of the store: the filter says so for sure, or the indexes do. */
    private boolean isNew(Triple t) {
        return absent.surelyAbsent(t.getSubject(), t.getPredicate(), t.getObject())
                || !dataset.contains(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** Adds a triple known to be in no graph of the store (so not in the entailment graph either). */
    private void addAbsent(Node s, Node p, Node o) {
        PrecheckedWrites.addAbsent(dataset, graph, s, p, o);
        absent.noteStored(s, p, o);
        added++;
        addedByProperty.computeIfAbsent(p, k -> new long[1])[0]++;
    }

    /**
     * Edges of p held in memory (p's triples in every graph, entailed ones included), then a walk from every node,
     * adding what is missing. Whether a pair is already there is read from those edges, not from the indexes: the
     * fixed-point pass that finds nothing new then costs no lookup. Returns how many pairs of p it added itself (not
     * counting what they entail).
     */
    private long transitiveClosure(Node p) {
        long own = 0;
        Map<Node, List<Node>> edges = new HashMap<>();
        dataset.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q ->
                edges.computeIfAbsent(q.getSubject(), k -> new ArrayList<>(2)).add(q.getObject()));
        for (Node start : new ArrayList<>(edges.keySet())) {
            Set<Node> present = new HashSet<>(edges.get(start));
            Set<Node> seen = new HashSet<>();
            Deque<Node> pending = new ArrayDeque<>(present);
            List<Node> missing = new ArrayList<>();
            while (!pending.isEmpty()) {
                Node next = pending.poll();
                if (seen.add(next)) {
                    if (!present.contains(next)) {
                        missing.add(next);
                    }
                    pending.addAll(edges.getOrDefault(next, List.of()));
                }
            }
            for (Node next : missing) {
                if (!present.add(next)) {
                    continue; // added meanwhile as the consequence of another pair
                }
                Triple pair = Triple.create(start, p, next);
                addAbsent(start, p, next); // in none of p's edges, which are read from every graph
                own++;

                for (Triple consequence : closure(pair)) {
                    if (consequence.getPredicate().equals(p)) {
                        // p symmetric or its own inverse: the pair is in the store now, and the walks to come must know it.
                        edges.computeIfAbsent(consequence.getSubject(), k -> new ArrayList<>(2)).add(consequence.getObject());
                        if (consequence.getSubject().equals(start)) {
                            present.add(consequence.getObject());
                        }
                    }
                    addIfNew(consequence);
                }
            }
        }
        return own;
    }

    /** A work whose dcterms:subject is a concept lg:discusses it. The concepts and the pairs already there are read once. */
    private void discusses() {
        Set<Node> concepts = new HashSet<>();
        dataset.find(Node.ANY, Node.ANY, TYPE, SKOS.Concept.asNode()).forEachRemaining(q -> concepts.add(q.getSubject()));
        Set<Triple> present = new HashSet<>();
        dataset.find(Node.ANY, Node.ANY, DISCUSSES, Node.ANY).forEachRemaining(q -> present.add(q.asTriple()));
        List<Triple> found = new ArrayList<>();
        dataset.find(Node.ANY, Node.ANY, DCT_SUBJECT, Node.ANY).forEachRemaining(q -> {
            Triple discusses = Triple.create(q.getSubject(), DISCUSSES, q.getObject());
            if (concepts.contains(q.getObject()) && present.add(discusses)) {
                found.add(discusses);
            }
        });
        found.forEach(this::addWithConsequences);
    }

    /** The schema as it stands in the store (outside the entailment graph) plus the SKOS axioms. */
    /** The patterns {@link #schemaOf} reads, in any graph. */
    static List<Quad> schemaPatterns() {
        List<Quad> patterns = new ArrayList<>();
        SCHEMA_PREDICATES.forEach(p -> patterns.add(Quad.create(Node.ANY, Node.ANY, p, Node.ANY)));
        SCHEMA_TYPES.forEach(type -> patterns.add(Quad.create(Node.ANY, Node.ANY, TYPE, type)));
        return patterns;
    }

    static Entailments.Schema schemaOf(DatasetGraph dataset, Node entailmentGraph) {
        Graph schemaTriples = GraphFactory.createDefaultGraph();
        for (Node p : SCHEMA_PREDICATES) {
            dataset.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(entailmentGraph)) {
                    schemaTriples.add(q.asTriple());
                }
            });
        }
        for (Node type : SCHEMA_TYPES) {
            dataset.find(Node.ANY, Node.ANY, TYPE, type).forEachRemaining(q -> {
                if (!q.getGraph().equals(entailmentGraph)) {
                    schemaTriples.add(q.asTriple());
                }
            });
        }
        return Entailments.Schema.of(schemaTriples, Entailments.axioms());
    }
}
