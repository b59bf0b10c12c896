package org.labourgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.vocab.LG;

/**
 * Computes the entailment graph: what RDFS sub-class/sub-property reasoning, inverse, symmetric and
 * transitive properties (with the SKOS axioms of vocabulary-axioms.ttl) and the project's one rule
 * (a work whose dcterms:subject is a concept lg:discusses it) add to the asserted graphs. Stored as its own
 * named graph, so the endpoint's default graph (the union) answers queries written with standard terms while
 * the asserted data stays as authored.
 *
 * <p>A worklist over hash maps rather than a general rule engine: each triple is looked at a bounded number of
 * times, so the cost grows with the data, not with the number of rule matches a RETE network keeps.
 */
public final class Entailments {
    private static final Graph VOCABULARY_AXIOMS = loadAxioms();
    private static final Node DCT_SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Node SKOS_CONCEPT = SKOS.Concept.asNode();
    private static final Node TYPE = RDF.type.asNode();

    private Entailments() {}

    /**
     * The triples entailed by {@code asserted} that neither it nor the vocabulary axioms contain, every transitive
     * closure included: what an external store holds, which answers queries with its own engine.
     */
    public static Graph of(Graph asserted) {
        return of(Schema.of(asserted, VOCABULARY_AXIOMS), asserted);
    }

    /**
     * What the embedded store's entailment graph holds for {@code asserted}: the same, but the closures its queries
     * compute when they ask for them ({@link ClosuresAtQueryTime}) hold their one-step pairs only.
     */
    public static Graph embedded(Graph asserted) {
        return of(Schema.of(asserted, VOCABULARY_AXIOMS).closingAtQueryTime(), asserted);
    }

    private static Graph of(Schema schema, Graph asserted) {
        Set<Triple> known = new HashSet<>();
        Map<Node, Set<Node>> worksBySubject = new HashMap<>();
        Deque<Triple> work = new ArrayDeque<>();
        asserted.find().forEachRemaining(t -> {
            known.add(t);
            work.add(t);
        });
        Graph entailed = GraphFactory.createDefaultGraph();
        // Triples known so far, by property: a closure is computed again only when its property gained some since.
        Map<Node, long[]> byProperty = new HashMap<>();
        asserted.find().forEachRemaining(t -> counter(byProperty, t.getPredicate())[0]++);
        Map<Node, Long> closedAt = new HashMap<>();
        // Each new triple goes through the rules once; the transitive closures run when the worklist empties,
        // and what they add goes round again (for inverses and super-properties of the transitive properties).
        while (!work.isEmpty()) {
            while (!work.isEmpty()) {
                for (Triple derived : schema.consequences(work.poll(), known, worksBySubject)) {
                    if (known.add(derived)) {
                        entailed.add(derived);
                        work.add(derived);
                        counter(byProperty, derived.getPredicate())[0]++;
                    }
                }
            }
            for (Node p : schema.transitive) {
                if (!schema.storesClosureOf(p)) {
                    continue;
                }
                long[] count = counter(byProperty, p);
                if (count[0] == closedAt.getOrDefault(p, -1L)) {
                    continue; // closed, and nothing of p came since: the closure would find nothing new
                }
                for (Triple derived : transitiveClosure(p, known)) {
                    if (known.add(derived)) {
                        entailed.add(derived);
                        work.add(derived);
                        count[0]++;
                    }
                }
                closedAt.put(p, count[0]);
            }
        }
        return entailed;
    }

    private static long[] counter(Map<Node, long[]> byProperty, Node property) {
        return byProperty.computeIfAbsent(property, k -> new long[1]);
    }

    private static Set<Triple> transitiveClosure(Node p, Set<Triple> known) {
        Map<Node, Set<Node>> edges = new HashMap<>();
        for (Triple t : known) {
            if (t.getPredicate().equals(p)) {
                edges.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            }
        }
        Set<Triple> closure = new HashSet<>();
        for (Node start : edges.keySet()) {
            Set<Node> seen = new HashSet<>();
            Deque<Node> pending = new ArrayDeque<>(edges.get(start));
            while (!pending.isEmpty()) {
                Node next = pending.poll();
                if (seen.add(next)) {
                    closure.add(Triple.create(start, p, next));
                    pending.addAll(edges.getOrDefault(next, Set.of()));
                }
            }
        }
        return closure;
    }

    /** The schema facts the rules need, closed once: super-classes, super-properties, inverses, symmetric, transitive. */
    static final class Schema {
        final Map<Node, Set<Node>> superClasses = new HashMap<>();
        final Map<Node, Set<Node>> superProperties = new HashMap<>();
        final Map<Node, Set<Node>> inverses = new HashMap<>();
        final Set<Node> symmetric = new HashSet<>();
        final Set<Node> transitive = new HashSet<>();
        /** Transitive properties whose closure the store's queries compute (none here unless asked: see {@link ClosuresAtQueryTime}). */
        Set<Node> closedAtQueryTime = Set.of();

        static Schema of(Graph asserted, Graph axioms) {
            Schema s = new Schema();
            for (Graph g : new Graph[] {asserted, axioms}) {
                g.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(t -> link(s.superClasses, t));
                g.find(Node.ANY, RDFS.subPropertyOf.asNode(), Node.ANY).forEachRemaining(t -> link(s.superProperties, t));
                g.find(Node.ANY, OWL.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> {
                    link(s.inverses, t);
                    s.inverses.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
                });
                g.find(Node.ANY, TYPE, OWL.SymmetricProperty.asNode()).forEachRemaining(t -> s.symmetric.add(t.getSubject()));
                g.find(Node.ANY, TYPE, OWL.TransitiveProperty.asNode()).forEachRemaining(t -> s.transitive.add(t.getSubject()));
            }
            close(s.superClasses);
            close(s.superProperties);
            return s;
        }

        /** This schema, its closures left to query time where no other rule reads them (the embedded store's rules). */
        Schema closingAtQueryTime() {
            closedAtQueryTime = ClosuresAtQueryTime.of(this);
            return this;
        }

        /** Whether the entailment graph holds the closure of {@code p} (transitive, and not closed at query time). */
        boolean storesClosureOf(Node p) {
            return transitive.contains(p) && !closedAtQueryTime.contains(p);
        }

        /** What one triple entails directly. */
        Iterable<Triple> consequences(Triple t, Set<Triple> known, Map<Node, Set<Node>> worksBySubject) {
            Set<Triple> out = localConsequences(t);
            Node s = t.getSubject();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(TYPE)) {
                if (o.equals(SKOS_CONCEPT)) {
                    // A concept newly typed: works already citing it as their subject discuss it.
                    worksBySubject.getOrDefault(s, Set.of()).forEach(w -> out.add(Triple.create(w, LG.discusses.asNode(), s)));
                }
            }
            if (p.equals(DCT_SUBJECT)) {
                worksBySubject.computeIfAbsent(o, k -> new HashSet<>()).add(s);
                if (known.contains(Triple.create(o, TYPE, SKOS_CONCEPT))) {
                    out.add(Triple.create(s, LG.discusses.asNode(), o));
                }
            }
            return out;
        }

        /**
         * What one triple entails on its own, with the schema only (sub-classes, sub-properties, inverses,
         * symmetry): no other data triple needed, so a streaming pass can apply it triple by triple.
         */
        Set<Triple> localConsequences(Triple t) {
            Set<Triple> out = new HashSet<>();
            Node s = t.getSubject();
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(TYPE)) {
                superClasses.getOrDefault(o, Set.of()).forEach(c -> out.add(Triple.create(s, TYPE, c)));
            }
            if (p.equals(RDFS.subClassOf.asNode())) {
                superClasses.getOrDefault(o, Set.of()).forEach(c -> out.add(Triple.create(s, p, c)));
            }
            superProperties.getOrDefault(p, Set.of()).forEach(q -> out.add(Triple.create(s, q, o)));
            if (o.isURI() || o.isBlank()) {
                inverses.getOrDefault(p, Set.of()).forEach(q -> out.add(Triple.create(o, q, s)));
                if (symmetric.contains(p)) {
                    out.add(Triple.create(o, p, s));
                }
            }
            return out;
        }

        private static void link(Map<Node, Set<Node>> map, Triple t) {
            if (!t.getSubject().equals(t.getObject())) {
                map.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            }
        }

        /** Transitive closure of a small schema relation (classes, properties). */
        private static void close(Map<Node, Set<Node>> relation) {
            for (Node start : relation.keySet()) {
                Set<Node> all = new HashSet<>();
                Deque<Node> pending = new ArrayDeque<>(relation.get(start));
                while (!pending.isEmpty()) {
                    Node n = pending.poll();
                    if (!n.equals(start) && all.add(n)) {
                        pending.addAll(relation.getOrDefault(n, Set.of()));
                    }
                }
                relation.put(start, all);
            }
        }
    }

    /** The SKOS axioms the rules always use (vocabulary-axioms.ttl). */
    static Graph axioms() {
        return VOCABULARY_AXIOMS;
    }

    private static Graph loadAxioms() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Entailments.class.getResourceAsStream("vocabulary-axioms.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
