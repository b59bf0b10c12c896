package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceSet;

/** The bulk path gives the same store as the in-memory one, and keeps all-or-nothing. */
class StreamingImportTest {
    private static final String GRAPH = "https://w3id.org/labourgraph/graph/import/test";
    private static final Node ENTAILMENTS = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);

    @TempDir
    Path tmp;

    private Path thesaurus(long triples) throws IOException {
        Path file = tmp.resolve("thesaurus-" + triples + ".nt");
        ThesaurusGenerator.forTriples(triples, 5).write(file, n -> {});
        return file;
    }

    private static Set<Triple> graphOf(LabourStore store, Node graph) {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<Triple> triples = new HashSet<>();
            store.dataset().find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> triples.add(q.asTriple()));
            return triples;
        });
    }

    private static boolean ask(LabourStore store, String query) {
        return Txn.calculateRead(store.dataset(), () -> QueryExec.dataset(store.dataset()).query(query).ask());
    }

    private static Graph assertedOf(LabourStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Graph g = GraphFactory.createDefaultGraph();
            store.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(ENTAILMENTS)) {
                    g.add(q.asTriple());
                }
            });
            return g;
        });
    }

    @Test
    void a_streamed_import_entails_what_the_in_memory_rules_entail() throws Exception {
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            store.importFiles(List.of(new LabourStore.FileImport(thesaurus(5_000), Lang.NTRIPLES, GRAPH)), false, n -> {});

            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            assertEquals(expected, graphOf(store, ENTAILMENTS));
        }
    }

    @Test
    void a_file_that_repeats_a_statement_or_restates_the_stores_records_each_new_quad_once() throws Exception {
        Path file = tmp.resolve("repeats.nt");
        String ghostWorkIsAConcept = "<https://w3id.org/labourgraph/id/concept/ghost-work> "
                + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .\n";
        String broader = "<https://example.org/a> <http://www.w3.org/2004/02/skos/core#broader> <https://example.org/b> .\n";
        Files.writeString(file, broader + ghostWorkIsAConcept + broader
                + "<https://example.org/b> <http://www.w3.org/2004/02/skos/core#broader> <https://example.org/c> .\n");
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            long before = store.history().head();
            store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH)), false, n -> {});

            assertEquals(before + 1, store.history().head());
            List<Quad> added = store.history().revisions().get((int) before).loaded().added();
            assertEquals(3, added.size(), "the two links and the statement the sources make in another graph: " + added);
            assertEquals(3, graphOf(store, NodeFactory.createURI(GRAPH)).size());
            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            assertEquals(expected, graphOf(store, ENTAILMENTS));
        }
    }

    @Test
    void a_value_the_store_holds_under_another_spelling_is_not_recorded_as_new() throws Exception {
        Path first = tmp.resolve("one.nt");
        Path second = tmp.resolve("zero-one.nt");
        String subject = "<https://example.org/a> <https://schema.org/numberOfPages> ";
        Files.writeString(first, subject + "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
        Files.writeString(second, subject + "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                + "<https://example.org/a> <http://www.w3.org/2004/02/skos/core#broader> <https://example.org/b> .\n");
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            store.importFiles(List.of(new LabourStore.FileImport(first, Lang.NTRIPLES, GRAPH)), false, n -> {});
            long before = store.history().head();
            store.importFiles(List.of(new LabourStore.FileImport(second, Lang.NTRIPLES, GRAPH)), false, n -> {});

            List<Quad> added = store.history().revisions().get((int) before).loaded().added();
            assertEquals(1, added.size(), "TDB2 holds 01 and 1 as one integer: only the link is new: " + added);
            assertEquals(2, graphOf(store, NodeFactory.createURI(GRAPH)).size());
        }
    }

    @Test
    void a_consequence_the_file_states_later_stays_out_of_the_entailment_graph() throws Exception {
        Path file = tmp.resolve("narrower-first.nt");
        // Stated at the parent first: its inverse (a broader b) is entailed, then stated two lines on.
        Files.writeString(file, "<https://example.org/b> <http://www.w3.org/2004/02/skos/core#narrower> <https://example.org/a> .\n"
                + "<https://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> \"b\" .\n"
                + "<https://example.org/a> <http://www.w3.org/2004/02/skos/core#broader> <https://example.org/b> .\n");
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH)), false, n -> {});

            Set<Triple> entailed = graphOf(store, ENTAILMENTS);
            assertFalse(entailed.contains(Triple.create(NodeFactory.createURI("https://example.org/a"),
                    NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader"), NodeFactory.createURI("https://example.org/b"))));
            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            assertEquals(expected, entailed);
        }
    }

    @Test
    void a_second_import_that_joins_the_first_trees_entails_what_the_in_memory_rules_entail() throws Exception {
        Path joining = tmp.resolve("joining.ttl");
        // The first import's top concept goes below two new concepts, and a new work is about one of the old concepts:
        // the closures and lg:discusses must reach across both imports, through the entailments of the first one.
        Files.writeString(joining, """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix c: <https://w3id.org/labourgraph/id/concept/> .
                c:join-middle a skos:Concept ; skos:broader c:join-top .
                c:join-top a skos:Concept .
                <https://w3id.org/labourgraph/id/work/join-study> dct:subject c:join-middle .
                """);
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            Path first = thesaurus(3_000);
            store.importFiles(List.of(new LabourStore.FileImport(first, Lang.NTRIPLES, GRAPH)), false, n -> {});
            String top = Files.readAllLines(first).stream()
                    .filter(line -> line.contains("#hasTopConcept>")).findFirst().orElseThrow().split(" ")[2];
            Files.writeString(joining, top + " <http://www.w3.org/2004/02/skos/core#broader>"
                    + " <https://w3id.org/labourgraph/id/concept/join-middle> .\n", java.nio.file.StandardOpenOption.APPEND);
            int before = graphOf(store, ENTAILMENTS).size();
            LabourStore.ImportResult second = store.importFiles(
                    List.of(new LabourStore.FileImport(joining, Lang.TURTLE, GRAPH + "-joining")), false, n -> {});

            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            Set<Triple> entailed = graphOf(store, ENTAILMENTS);
            assertEquals(expected, entailed);
            assertTrue(entailed.size() > before, "the join entails new triples");
            assertEquals(entailed.size(), second.entailed(), "the result counts the whole entailment graph");
        }
    }

    @Test
    void rules_that_feed_each_other_run_again_until_nothing_new_is_entailed() throws Exception {
        // lg:discusses feeds a transitive property that feeds dcterms:subject, which feeds lg:discusses: what the
        // discusses rule adds must be closed again, and what that closure adds must be discussed again. It also feeds a
        // second transitive property (reaches), whose closure must run again once the second round of discusses feeds it.
        Path schema = tmp.resolve("schema.ttl");
        Files.writeString(schema, """
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                <https://example.org/touches> a owl:TransitiveProperty ; rdfs:subPropertyOf dct:subject .
                lg:discusses rdfs:subPropertyOf <https://example.org/touches>, <https://example.org/reaches> .
                <https://example.org/reaches> a owl:TransitiveProperty .
                """);
        Path data = tmp.resolve("data.ttl");
        Files.writeString(data, """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix ex: <https://example.org/> .
                ex:study dct:subject ex:a .
                ex:a a skos:Concept ; ex:touches ex:b .
                ex:b ex:touches ex:c .  # not a concept: nothing discusses b, so no lg:discusses link joins a to c at first
                ex:c a skos:Concept ; ex:reaches ex:d .
                """);
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            store.importFiles(List.of(new LabourStore.FileImport(schema, Lang.TURTLE, GRAPH + "-schema")), false, n -> {});
            store.importFiles(List.of(new LabourStore.FileImport(data, Lang.TURTLE, GRAPH)), false, n -> {});

            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            Set<Triple> entailed = graphOf(store, ENTAILMENTS);
            assertEquals(expected, entailed);
            assertTrue(entailed.contains(Triple.create(NodeFactory.createURI("https://example.org/study"),
                    NodeFactory.createURI("https://w3id.org/labourgraph/ontology#discusses"), NodeFactory.createURI("https://example.org/c"))),
                    "the study discusses c, through its subject a, the closure a→b→c, and discusses again");
            // reaches feeds no other rule: its closure is not stored, the query computes it.
            assertTrue(entailed.contains(Triple.create(NodeFactory.createURI("https://example.org/study"),
                    NodeFactory.createURI("https://example.org/reaches"), NodeFactory.createURI("https://example.org/c"))),
                    "the study reaches c in one step, from discussing c");
            assertTrue(ask(store, "ASK { <https://example.org/study> <https://example.org/reaches> <https://example.org/d> }"),
                    "the study reaches d, through discussing c, which reaches d: the closure of reaches, asked");
        }
    }

    @Test
    void the_sync_of_the_shipped_sources_entails_what_the_in_memory_rules_entail() {
        try (LabourStore store = LabourStore.inMemory()) {
            LabourStore.SyncResult sync = store.syncSources(SourceSet.discover(ProjectPaths.root()));

            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            assertEquals(expected, graphOf(store, ENTAILMENTS));
            assertEquals(expected.size(), sync.entailed());
        } catch (RdfSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_syntax_error_at_the_end_of_a_large_file_imports_nothing() throws Exception {
        Path file = thesaurus(20_000);
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            out.write("<urn:x> <urn:y> \"broken .\n".getBytes(StandardCharsets.UTF_8));
        }
        try (LabourStore store = LabourStore.open(tmp.resolve("store"))) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            long before = store.quadCount();

            RdfSyntaxException e = assertThrows(RdfSyntaxException.class,
                    () -> store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH)), false, n -> {}));

            assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
            assertEquals(before, store.quadCount());
            assertEquals(List.of(), spilledFiles(tmp.resolve("store")), "the deferred entailments' file is removed too");
        }
    }

    @Test
    void a_file_of_entailments_left_by_a_killed_import_is_removed_when_the_store_opens() throws Exception {
        Path dir = tmp.resolve("store");
        try (LabourStore store = LabourStore.open(dir)) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
        }
        Path left = Files.writeString(dir.resolve("entailments-123.rt"), "left by kill -9");
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "not ours");
        try (LabourStore store = LabourStore.open(dir)) {
            assertFalse(Files.exists(left));
            assertTrue(Files.exists(unrelated));
        }
    }

    private static List<Path> spilledFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("entailments-")).toList();
        }
    }

    @Test
    void private_content_in_a_streamed_public_import_is_refused_and_nothing_lands() throws Exception {
        Path file = tmp.resolve("private.nt");
        Files.writeString(file, "<urn:a> <urn:b> \"c\" .\n<urn:a> <https://w3id.org/labourgraph/ontology#visibility>"
                + " <https://w3id.org/labourgraph/ontology#Private> .\n");
        try (LabourStore store = LabourStore.inMemory()) {
            long before = store.quadCount();
            StoreException e = assertThrows(StoreException.class,
                    () -> store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH)), false, n -> {}));
            assertTrue(e.getMessage().contains("private"), e.getMessage());
            assertEquals(before, store.quadCount());
        }
    }

    @Test
    void an_import_into_a_new_store_writes_the_sources_with_it_and_the_first_start_has_nothing_to_load() throws Exception {
        SourceSet sources = SourceSet.discover(ProjectPaths.root());
        try (LabourStore store = LabourStore.inMemory()) {
            LabourStore.ImportResult result = store.importFiles(List.of(new LabourStore.FileImport(thesaurus(5_000), Lang.NTRIPLES, GRAPH)),
                    false, Optional.of(sources), n -> {});

            assertEquals(sources.files().size(), result.sourceFiles());
            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            assertEquals(expected, graphOf(store, ENTAILMENTS), "the files' entailments follow the ontology's rules");
            // Against a store that had them from the start-up sync: TDB2 keeps numbers by value (12.50 reads back as 12.5).
            try (LabourStore synced = LabourStore.inMemory()) {
                synced.syncSources(sources);
                for (var f : sources.files()) {
                    Node g = NodeFactory.createURI(f.graphIri());
                    Graph fromSync = GraphFactory.createDefaultGraph();
                    graphOf(synced, g).forEach(fromSync::add);
                    Graph held = GraphFactory.createDefaultGraph();
                    graphOf(store, g).forEach(held::add);
                    assertFalse(held.isEmpty(), f.path() + " was written");
                    assertTrue(held.isIsomorphicWith(fromSync), "the store's graph <" + f.graphIri() + "> holds " + f.path());
                }
            }
            assertFalse(store.syncSources(sources).loaded(), "the start-up sync finds the sources already written");
            assertEquals(0, store.fullEntailmentRefreshes());
        }
    }

    @Test
    void an_import_over_older_sources_writes_the_new_ones_and_entails_from_both() throws Exception {
        FixtureTree tree = FixtureTree.copyInto(tmp.resolve("project"));
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(tree.root()));
            store.importFiles(List.of(new LabourStore.FileImport(thesaurus(2_000), Lang.NTRIPLES, GRAPH)), false, n -> {});
            // A new concept under one of the fixture's, in data/: its broaderTransitive pairs come from the new source.
            tree.append("data/concepts.ttl", "lgc:new-concept a skos:Concept ; skos:prefLabel \"nouveau\"@fr, \"new\"@en ;"
                    + " skos:broader lgc:micro-work .");
            SourceSet changed = SourceSet.discover(tree.root());

            LabourStore.ImportResult result = store.importFiles(List.of(new LabourStore.FileImport(thesaurus(500), Lang.NTRIPLES,
                    GRAPH + "-second")), false, Optional.of(changed), n -> {});

            assertEquals(changed.files().size(), result.sourceFiles());
            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(assertedOf(store)).find().forEachRemaining(expected::add);
            Set<Triple> entailed = graphOf(store, ENTAILMENTS);
            assertEquals(expected, entailed);
            assertTrue(entailed.contains(Triple.create(NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/new-concept"),
                    NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broaderTransitive"),
                    NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/micro-work"))), "the new source is entailed from");
            assertTrue(ask(store, "ASK { <https://w3id.org/labourgraph/id/concept/new-concept>"
                    + " <http://www.w3.org/2004/02/skos/core#broaderTransitive> <https://w3id.org/labourgraph/id/concept/digital-labour> }"),
                    "and its closure with the older sources' links is answered");
            assertFalse(store.syncSources(changed).loaded());
        }
    }

    @Test
    void a_syntax_error_in_a_source_imports_nothing_not_even_the_files() throws Exception {
        FixtureTree tree = FixtureTree.copyInto(tmp.resolve("project"));
        tree.append("data/concepts.ttl", "lgc:broken skos:prefLabel \"unterminated .");
        try (LabourStore store = LabourStore.open(tmp.resolve("store"))) {
            RdfSyntaxException e = assertThrows(RdfSyntaxException.class, () -> store.importFiles(List.of(
                    new LabourStore.FileImport(thesaurus(1_000), Lang.NTRIPLES, GRAPH)), false, Optional.of(SourceSet.discover(tree.root())), n -> {}));

            assertTrue(e.getMessage().contains("concepts.ttl"), e.getMessage());
            assertEquals(0, store.quadCount());
            assertFalse(Files.exists(tmp.resolve("store").resolve(StoreState.FILE_NAME)), "no sources recorded as loaded");
        }
    }
}
