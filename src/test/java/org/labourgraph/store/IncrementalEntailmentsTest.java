package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.source.SourceSet;

/**
 * The entailments a store keeps change by change are exactly those a recompute from scratch gives (the way every
 * change was followed before), after any sequence of adds and removes: on the shipped data and on a generated
 * thesaurus. The oracle recomputes on a separate in-memory copy of the stated quads, never on the store under test.
 */
class IncrementalEntailmentsTest {
    private static final Node ENTAILMENTS = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
    private static final Node BROADER = SKOS.broader.asNode();
    private static final Node DCT_SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/labourgraph/graph/test-edits");

    @TempDir
    Path tmp;

    @Test
    void random_edits_of_the_shipped_data_keep_the_entailments_a_recompute_gives() throws Exception {
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            Random random = new Random(18);
            Edits edits = new Edits(store, random);
            for (int i = 0; i < 60; i++) {
                String what = edits.next();
                assertSameAsRecompute(store, "after edit " + i + ": " + what);
            }
            assertTrue(edits.middleLinksCut > 0 && edits.middleLinksRestored > 0, "the sequence cut and restored a middle broader link");
            assertEquals(0, store.fullEntailmentRefreshes() - edits.schemaEdits - 1,
                    "only the first load and schema edits recompute everything");
        }
    }

    @Tag("slow")
    @Test
    void random_edits_of_a_generated_thesaurus_keep_the_entailments_a_recompute_gives() throws Exception {
        Path file = tmp.resolve("thesaurus.nt");
        ThesaurusGenerator.forTriples(100_000, 5).write(file, n -> {});
        try (LabourStore store = LabourStore.inMemory()) {
            store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH.getURI())), false, n -> {});
            long refreshesAfterLoad = store.fullEntailmentRefreshes();
            Edits edits = new Edits(store, new Random(5));
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 8; i++) {
                    edits.next();
                }
                assertSameAsRecompute(store, "after round " + round);
            }
            assertTrue(edits.middleLinksCut > 0, "the sequence cut a middle broader link");
            assertEquals(edits.schemaEdits, store.fullEntailmentRefreshes() - refreshesAfterLoad,
                    "edits of ordinary data never recompute the whole entailment graph");
        }
    }

    /** Random edits through the served dataset, one transaction each, as curators make them. */
    static final class Edits {
        final LabourStore store;
        final Random random;
        final List<Quad> removed = new ArrayList<>();
        final List<Quad> cutLinks = new ArrayList<>();
        int middleLinksCut;
        int middleLinksRestored;
        int schemaEdits;

        Edits(LabourStore store, Random random) {
            this.store = store;
            this.random = random;
        }

        String next() {
            DatasetGraph ds = store.dataset();
            int kind = random.nextInt(8);
            return switch (kind) {
                case 0 -> {
                    Quad q = pick(stated(ds, Node.ANY));
                    write(ds, () -> ds.delete(q));
                    removed.add(q);
                    if (StreamingEntailments.isSchema(q.asTriple())) {
                        schemaEdits++;
                    }
                    yield "removed " + q;
                }
                case 1 -> {
                    if (removed.isEmpty()) {
                        yield next();
                    }
                    Quad q = removed.remove(random.nextInt(removed.size()));
                    write(ds, () -> ds.add(q));
                    if (StreamingEntailments.isSchema(q.asTriple())) {
                        schemaEdits++;
                    }
                    yield "restored " + q;
                }
                case 2 -> {
                    if (middleLinks(ds).isEmpty()) {
                        yield next();
                    }
                    Quad link = middleLink(ds);
                    write(ds, () -> ds.delete(link));
                    cutLinks.add(link);
                    middleLinksCut++;
                    yield "cut the middle link " + link;
                }
                case 3 -> {
                    if (cutLinks.isEmpty()) {
                        yield next();
                    }
                    Quad link = cutLinks.remove(cutLinks.size() - 1);
                    write(ds, () -> ds.add(link));
                    middleLinksRestored++;
                    yield "restored the middle link " + link;
                }
                case 4 -> {
                    List<Node> concepts = concepts(ds);
                    Node a = concepts.get(random.nextInt(concepts.size()));
                    Node b = concepts.get(random.nextInt(concepts.size()));
                    write(ds, () -> ds.add(GRAPH, a, BROADER, b));
                    yield "added " + a + " broader " + b;
                }
                case 5 -> {
                    List<Node> concepts = concepts(ds);
                    Node c = concepts.get(random.nextInt(concepts.size()));
                    Node work = NodeFactory.createURI("https://w3id.org/labourgraph/id/work/test-" + random.nextInt(5));
                    write(ds, () -> ds.add(GRAPH, work, DCT_SUBJECT, c));
                    yield "added " + work + " subject " + c;
                }
                case 6 -> {
                    // A resource becomes a concept: the works already citing it now discuss it.
                    Node thing = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/test-" + random.nextInt(3));
                    Node work = NodeFactory.createURI("https://w3id.org/labourgraph/id/work/test-cites");
                    write(ds, () -> ds.add(GRAPH, work, DCT_SUBJECT, thing));
                    write(ds, () -> ds.add(GRAPH, thing, RDF.type.asNode(), SKOS.Concept.asNode()));
                    yield "typed " + thing + " a concept";
                }
                default -> {
                    // Two changes in one transaction: a link moved from one parent to another.
                    if (middleLinks(ds).isEmpty()) {
                        yield next();
                    }
                    Quad link = middleLink(ds);
                    List<Node> concepts = concepts(ds);
                    Node other = concepts.get(random.nextInt(concepts.size()));
                    write(ds, () -> {
                        ds.delete(link);
                        ds.add(link.getGraph(), link.getSubject(), BROADER, other);
                    });
                    yield "moved " + link.getSubject() + " from " + link.getObject() + " to " + other;
                }
            };
        }

        private Quad middleLink(DatasetGraph ds) {
            List<Quad> links = middleLinks(ds);
            return links.get(random.nextInt(links.size()));
        }

        /** Broader links whose child has children of its own and whose parent has a parent (at most 2,000). */
        private List<Quad> middleLinks(DatasetGraph ds) {
            return Txn.calculateRead(ds, () -> {
                List<Quad> out = new ArrayList<>();
                ds.find(Node.ANY, Node.ANY, BROADER, Node.ANY).forEachRemaining(q -> {
                    if (!q.getGraph().equals(ENTAILMENTS) && out.size() < 2000
                            && ds.find(Node.ANY, Node.ANY, BROADER, q.getSubject()).hasNext()
                            && ds.find(Node.ANY, q.getObject(), BROADER, Node.ANY).hasNext()) {
                        out.add(q);
                    }
                });
                return out;
            });
        }

        private List<Node> concepts(DatasetGraph ds) {
            return Txn.calculateRead(ds, () -> {
                List<Node> out = new ArrayList<>();
                ds.find(Node.ANY, Node.ANY, RDF.type.asNode(), SKOS.Concept.asNode()).forEachRemaining(q -> {
                    if (out.size() < 5000) {
                        out.add(q.getSubject());
                    }
                });
                return out;
            });
        }

        private Quad pick(List<Quad> quads) {
            return quads.get(random.nextInt(quads.size()));
        }

        private static void write(DatasetGraph ds, Runnable change) {
            WriteTransaction.run(ds, change);
        }
    }

    private static List<Quad> stated(DatasetGraph ds, Node predicate) {
        return Txn.calculateRead(ds, () -> {
            List<Quad> out = new ArrayList<>();
            ds.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(ENTAILMENTS)) {
                    out.add(q);
                }
            });
            return out;
        });
    }

    private void assertSameAsRecompute(LabourStore store, String when) throws Exception {
        DatasetGraph ds = store.dataset();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Set<Triple> kept = new HashSet<>();
        Txn.executeRead(ds, () -> ds.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (q.getGraph().equals(ENTAILMENTS)) {
                kept.add(q.asTriple());
            } else {
                copy.add(q);
            }
        }));
        Set<Triple> recomputed = new HashSet<>();
        Txn.executeWrite(copy, () -> {
            StreamingEntailments.refresh(copy, ENTAILMENTS, tmp);
            copy.find(ENTAILMENTS, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> recomputed.add(q.asTriple()));
        });
        if (!kept.equals(recomputed)) {
            Set<Triple> missing = new HashSet<>(recomputed);
            missing.removeAll(kept);
            Set<Triple> extra = new HashSet<>(kept);
            extra.removeAll(recomputed);
            assertEquals(recomputed.size(), kept.size(), when + ": missing " + sample(missing) + ", extra " + sample(extra));
            assertEquals(Set.of(), missing, when + ": extra " + sample(extra));
        }
    }

    private static String sample(Set<Triple> triples) {
        return triples.size() + " " + triples.stream().limit(5).toList();
    }
}
