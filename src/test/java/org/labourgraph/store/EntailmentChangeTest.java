package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labourgraph.ProjectPaths;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.source.SourceSet;

/**
 * A store read only through lookups (as an external SPARQL store is) keeps, change by change, the entailment graph
 * that a recompute of its stated data gives ({@link Entailments#of}, what {@code load --update-endpoint} writes): the
 * changes are those {@link EntailmentChange} works out, applied with the stated ones. Lookups with a blank node
 * answer nothing, as a remote store's do; statements about blank nodes are compared on neither side.
 */
class EntailmentChangeTest {
    private static final Node ENTAILMENTS = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/labourgraph/graph/test-edits");
    private static final Node BROADER = SKOS.broader.asNode();
    private static final Node DCT_SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Node TYPE = RDF.type.asNode();

    DatasetGraph store;
    RoundTrips remote;

    /**
     * The store as an external one answers it, counting round trips: the quads matching a pattern, none for a pattern
     * with a blank node; a prefetch is one round trip for all its patterns, whose finds then cost none (until the next
     * change, as a front-end reads the store afresh for each write).
     */
    final class RoundTrips implements QuadLookup {
        final AtomicLong count = new AtomicLong();
        final Map<Quad, List<Quad>> answered = new HashMap<>();

        @Override
        public List<Quad> find(Quad pattern) {
            List<Quad> known = answered.get(Quad.create(Node.ANY, pattern.getSubject(), pattern.getPredicate(), pattern.getObject()));
            if (known != null) {
                return known.stream().filter(q -> pattern.getGraph() == Node.ANY || q.getGraph().equals(pattern.getGraph())).toList();
            }
            count.incrementAndGet();
            return ask(pattern);
        }

        @Override
        public void prefetch(Collection<Quad> patterns) {
            List<Quad> asked = patterns.stream().filter(p -> !answered.containsKey(p)).toList();
            if (!asked.isEmpty()) {
                count.incrementAndGet();
                asked.forEach(p -> answered.put(p, ask(p)));
            }
        }

        private List<Quad> ask(Quad pattern) {
            if (pattern.getSubject().isBlank() || pattern.getObject().isBlank()) {
                return List.of();
            }
            List<Quad> out = new ArrayList<>();
            store.find(pattern.getGraph(), pattern.getSubject(), pattern.getPredicate(), pattern.getObject()).forEachRemaining(out::add);
            return out;
        }
    }

    @BeforeEach
    void aStoreWithTheShippedDataAndItsEntailments() throws Exception {
        store = DatasetGraphFactory.createTxnMem();
        try (LabourStore loaded = LabourStore.inMemory()) {
            loaded.syncSources(SourceSet.discover(ProjectPaths.root()));
            DatasetGraph ds = loaded.dataset();
            // What load --update-endpoint writes into an external store: the stated quads, and every entailment of them
            // (the closures too: an external store has no query-time rewrite).
            Graph stated = GraphFactory.createDefaultGraph();
            Txn.executeRead(ds, () -> ds.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(ENTAILMENTS)) {
                    store.add(q);
                    stated.add(q.asTriple());
                }
            }));
            Entailments.of(stated).find().forEachRemaining(t -> store.add(ENTAILMENTS, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        assertSameAsRecompute("as loaded");
    }

    @Test
    void random_edits_keep_the_entailments_a_recompute_of_the_stated_data_gives() {
        Random random = new Random(19);
        List<Quad> removed = new ArrayList<>();
        int schemaEdits = 0;
        int cutMiddleLinks = 0;
        for (int i = 0; i < 60; i++) {
            List<Quad> added = new ArrayList<>();
            List<Quad> deleted = new ArrayList<>();
            List<Node> concepts = subjects(TYPE, SKOS.Concept.asNode());
            switch (random.nextInt(6)) {
                case 0 -> {
                    List<Quad> stated = stated(Node.ANY);
                    deleted.add(stated.get(random.nextInt(stated.size())));
                }
                case 1 -> {
                    if (!removed.isEmpty()) {
                        added.add(removed.remove(random.nextInt(removed.size())));
                    }
                }
                case 2 -> {
                    List<Quad> middle = middleLinks();
                    if (!middle.isEmpty()) {
                        Quad link = middle.get(random.nextInt(middle.size()));
                        deleted.add(link);
                        added.add(Quad.create(link.getGraph(), link.getSubject(), BROADER,
                                concepts.get(random.nextInt(concepts.size()))));
                        cutMiddleLinks++;
                    }
                }
                case 3 -> added.add(Quad.create(GRAPH, concepts.get(random.nextInt(concepts.size())), BROADER,
                        concepts.get(random.nextInt(concepts.size()))));
                case 4 -> {
                    Node thing = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/test-" + random.nextInt(3));
                    added.add(Quad.create(GRAPH, NodeFactory.createURI("https://w3id.org/labourgraph/id/work/test-cites"),
                            DCT_SUBJECT, thing));
                    added.add(Quad.create(GRAPH, thing, TYPE, SKOS.Concept.asNode()));
                }
                default -> {
                    // A schema change: a new sub-property of skos:related, then used.
                    Node p = NodeFactory.createURI("https://w3id.org/labourgraph/ontology#testRelated" + i);
                    added.add(Quad.create(GRAPH, p, RDFS.subPropertyOf.asNode(), SKOS.related.asNode()));
                    added.add(Quad.create(GRAPH, concepts.get(0), p, concepts.get(1)));
                    schemaEdits++;
                }
            }
            String what = "edit " + i + ": +" + added + " -" + deleted;
            make(added, deleted);
            deleted.forEach(removed::add);
            assertSameAsRecompute("after " + what);
        }
        assertTrue(schemaEdits > 0 && cutMiddleLinks > 0, "the sequence moved a middle link and changed the schema");
    }

    @Test
    void an_ordinary_edit_costs_a_few_round_trips_not_a_read_of_the_store() {
        Quad link = stated(BROADER).get(0);
        make(List.of(), List.of(link));
        long cut = remote.count.get();
        make(List.of(link), List.of());
        long restored = remote.count.get();
        assertTrue(cut <= 10 && restored <= 5, "cutting one broader link took " + cut + " round trips, restoring it " + restored);
        assertSameAsRecompute("after cutting and restoring " + link);
    }

    /** The net change as UpdateDeltas gives it, its entailments worked out before, both then made in the store. */
    private void make(List<Quad> added, List<Quad> deleted) {
        remote = new RoundTrips();
        List<Quad> netAdded = added.stream().filter(q -> !store.contains(q)).distinct().toList();
        List<Quad> netDeleted = deleted.stream().filter(store::contains).distinct().toList();
        UpdateDeltas.Delta entailed = EntailmentChange.of(remote, ENTAILMENTS, netAdded, netDeleted);
        netDeleted.forEach(store::delete);
        netAdded.forEach(store::add);
        entailed.deleted().forEach(q -> {
            assertTrue(store.contains(q), "deletes only what the entailment graph holds: " + q);
            store.delete(q);
        });
        entailed.added().forEach(q -> {
            assertTrue(!store.contains(q), "adds only what the entailment graph lacks: " + q);
            store.add(q);
        });
    }

    private void assertSameAsRecompute(String when) {
        Graph stated = GraphFactory.createDefaultGraph();
        Set<Triple> kept = new HashSet<>();
        store.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(ENTAILMENTS)) {
                if (named(q.asTriple())) {
                    kept.add(q.asTriple());
                }
            } else {
                stated.add(q.asTriple());
            }
        });
        Set<Triple> recomputed = new HashSet<>();
        Entailments.of(stated).find().forEachRemaining(t -> {
            if (named(t)) {
                recomputed.add(t);
            }
        });
        Set<Triple> missing = new HashSet<>(recomputed);
        missing.removeAll(kept);
        Set<Triple> extra = new HashSet<>(kept);
        extra.removeAll(recomputed);
        assertEquals(Set.of(), missing, when + ": missing (and " + extra.size() + " extra)");
        assertEquals(Set.of(), extra, when + ": extra");
        assertTrue(recomputed.size() > 100, "the shipped data entails statements: " + recomputed.size());
    }

    private static boolean named(Triple t) {
        return !t.getSubject().isBlank() && !t.getObject().isBlank();
    }

    private List<Quad> stated(Node predicate) {
        List<Quad> out = new ArrayList<>();
        store.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(q -> {
            if (!q.getGraph().equals(ENTAILMENTS) && named(q.asTriple())) {
                out.add(q);
            }
        });
        return out;
    }

    private List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>();
        store.find(Node.ANY, Node.ANY, p, o).forEachRemaining(q -> {
            if (!out.contains(q.getSubject())) {
                out.add(q.getSubject());
            }
        });
        return out;
    }

    /** Stated broader links whose child has children and whose parent has a parent. */
    private List<Quad> middleLinks() {
        List<Quad> out = new ArrayList<>();
        for (Quad q : stated(BROADER)) {
            if (store.find(Node.ANY, Node.ANY, BROADER, q.getSubject()).hasNext()
                    && store.find(Node.ANY, q.getObject(), BROADER, Node.ANY).hasNext()) {
                out.add(q);
            }
        }
        return out;
    }
}
