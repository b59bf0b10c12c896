package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.Main;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/** {@code labourgraph load}: all files in one transaction, or none with file:line:col. */
class LoadCommandTest {
    @TempDir
    Path tmp;

    @Test
    void a_broken_file_rejects_the_whole_import_with_its_position() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.ttl"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        Path bad = Files.writeString(tmp.resolve("bad.ttl"), "<urn:t:b> <urn:t:p> \"two\" .\n<urn:t:c> <urn:t:p> .\n");
        Path store = tmp.resolve("store");
        Run run = run("load", "--store", store.toString(), good.toString(), bad.toString());
        assertEquals(1, run.exit, run.err);
        assertTrue(run.err.contains("bad.ttl:2:"), run.err);
        assertTrue(run.err.contains("nothing was imported"), run.err);
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(0, s.quadCount());
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> malformedFiles() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("broken.ttl", "<urn:t:b> <urn:t:p> \"two\" .\n<urn:t:c> <urn:t:p> .\n", "broken.ttl:2:"),
                org.junit.jupiter.params.provider.Arguments.of("broken.nt", "<urn:t:b> <urn:t:p> \"two\" .\n<urn:t:c> <urn:t:p> <urn:t:o>\n", "broken.nt:"),
                org.junit.jupiter.params.provider.Arguments.of("broken.jsonld", "{ \"@id\": \"urn:t:b\",\n  \"urn:t:p\": \"two\"\n  \"urn:t:q\": 1 }\n", "broken.jsonld:"),
                org.junit.jupiter.params.provider.Arguments.of("broken.rdf", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                        + "<rdf:Description rdf:about=\"urn:t:b\">\n</rdf:RDF>\n", "broken.rdf:3:"),
                org.junit.jupiter.params.provider.Arguments.of("broken.trig", "<http://example.org/g> { <urn:t:b> <urn:t:p> \"two\" . }\n"
                        + "<http://example.org/g> { <urn:t:c> }\n", "broken.trig:2:"),
                org.junit.jupiter.params.provider.Arguments.of("broken.nq", "<urn:t:b> <urn:t:p> \"two\" <http://example.org/g> .\n"
                        + "<urn:t:c> <urn:t:p> <http://example.org/g> \n", "broken.nq:"));
    }

    /** Abuse case 20: a malformed import of each kind names file, line and column, and nothing of the import lands. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("malformedFiles")
    void a_malformed_file_of_each_kind_says_where_and_imports_nothing(String name, String content, String position) throws Exception {
        Path good = Files.writeString(tmp.resolve("good.ttl"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        Path bad = Files.writeString(tmp.resolve(name), content);
        Path store = tmp.resolve("store");
        Run run = run("load", "--store", store.toString(), good.toString(), bad.toString());
        assertEquals(1, run.exit, run.err);
        assertTrue(run.err.matches("(?s).*" + java.util.regex.Pattern.quote(position) + "\\d+.*"),
                "expected " + position + "LINE:COL in: " + run.err);
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(0, s.quadCount(), "the good file did not land either");
        }
    }

    @Test
    void good_files_land_together_in_their_named_graphs() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.ttl"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        Path b = Files.writeString(tmp.resolve("b.nt"), "<urn:t:b> <urn:t:p> \"two\" .\n");
        Path store = tmp.resolve("store");
        Run run = run("load", "--no-sources", "--store", store.toString(), a.toString(), b.toString());
        assertEquals(0, run.exit, run.err);
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(2, s.quadCount(), "the two files and nothing else (--no-sources)");
        }
        Run query = run("query", "--store", store.toString(), "--format", "csv",
                "SELECT ?g WHERE { GRAPH ?g { <urn:t:b> ?p ?o } }");
        assertEquals(0, query.exit, query.err);
        assertTrue(query.out.contains("https://w3id.org/labourgraph/graph/b"), query.out);
    }

    @Test
    void trig_and_n_quads_keep_their_named_graphs_and_report_errors_with_positions() throws Exception {
        Path trig = Files.writeString(tmp.resolve("shelf.trig"),
                "<urn:t:d> <urn:t:p> \"default\" .\n<http://example.org/g1> { <urn:t:a> <urn:t:p> \"one\" . }\n");
        Path nq = Files.writeString(tmp.resolve("more.nq"), "<urn:t:b> <urn:t:p> \"two\" <http://example.org/g2> .\n");
        Path store = tmp.resolve("store");
        Run run = run("load", "--store", store.toString(), trig.toString(), nq.toString());
        assertEquals(0, run.exit(), run.err());
        Run graphs = run("query", "--store", store.toString(), "--format", "csv", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
        assertTrue(graphs.out().contains("http://example.org/g1") && graphs.out().contains("http://example.org/g2")
                && graphs.out().contains("https://w3id.org/labourgraph/graph/shelf"), graphs.out());
        Path broken = Files.writeString(tmp.resolve("broken.trig"), "<http://example.org/g3> { <urn:t:c> <urn:t:p> }\n");
        Run bad = run("load", "--store", store.toString(), broken.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("broken.trig:1:"), bad.err());
    }

    @Test
    void a_missing_file_or_unknown_format_is_a_usage_error() throws Exception {
        assertEquals(2, run("load", "--store", tmp.resolve("s").toString(), tmp.resolve("nope.ttl").toString()).exit);
        Path a = Files.writeString(tmp.resolve("a.ttl"), "<urn:t:a> <urn:t:p> 1 .\n");
        assertEquals(2, run("load", "--store", tmp.resolve("s").toString(), "--format", "klingon", a.toString()).exit);
    }

    @Test
    void with_validate_a_shape_violation_refuses_the_import() throws Exception {
        Path concept = Files.writeString(tmp.resolve("concept.ttl"), """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <https://w3id.org/labourgraph/id/concept/unlabelled> a skos:Concept ;
                    skos:prefLabel "only English"@en .
                """);
        Path store = tmp.resolve("store");
        Run run = run("load", "--validate", "--root", org.labourgraph.ProjectPaths.root().toString(), "--store", store.toString(),
                concept.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("unlabelled"), run.err());
        assertTrue(run.err().contains("nothing was imported"), run.err());
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(0, s.quadCount());
        }
    }

    @Test
    void private_content_goes_to_the_curators_store_and_only_curators_query_it() throws Exception {
        Path note = Files.writeString(tmp.resolve("secret.ttl"), """
                @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                <https://w3id.org/labourgraph/id/note/secret> lg:visibility lg:Private ;
                    <http://www.w3.org/2000/01/rdf-schema#label> "Secret note"@en .
                """);
        Path store = tmp.resolve("store");
        Run refused = run("load", "--store", store.toString(), note.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains("--visibility private"), refused.err());
        Run loaded = run("load", "--visibility", "private", "--store", store.toString(), note.toString());
        assertEquals(0, loaded.exit(), loaded.err());
        String ask = "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Secret note\"@en }";
        assertTrue(run("query", "--store", store.toString(), "--include-private", ask).out().contains("yes"));
        assertTrue(run("query", "--store", store.toString(), ask).out().contains("no"));
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(0, s.quadCount(), "the public store holds nothing of it");
        }
    }

    @Test
    void a_store_made_by_load_holds_ontology_and_data_so_the_first_serve_has_nothing_to_load() throws Exception {
        Path root = ProjectPaths.root();
        Path nt = Files.writeString(tmp.resolve("a.nt"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        Path trig = Files.writeString(tmp.resolve("b.trig"), "<urn:t:g> { <urn:t:b> <urn:t:p> \"two\" . }\n");
        for (Path file : new Path[] {nt, trig}) {  // streamed, and parsed in memory
            Path store = tmp.resolve("store-" + file.getFileName());
            Run run = run("load", "--store", store.toString(), "--root", root.toString(), file.toString());
            assertEquals(0, run.exit, run.err);
            assertTrue(run.err.contains("wrote ontology/ and data/"), run.err);
            try (LabourStore s = LabourStore.open(store)) {
                assertFalse(s.syncSources(SourceSet.discover(root)).loaded(), "serve's sync finds nothing to load after " + file);
                assertEquals(0, s.fullEntailmentRefreshes());
            }
        }
    }

    @Test
    void load_from_a_folder_without_sources_says_the_first_serve_will_write_them() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.nt"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        Path store = tmp.resolve("store");
        Run run = run("load", "--store", store.toString(), "--root", tmp.toString(), a.toString());
        assertEquals(0, run.exit, run.err);
        assertTrue(run.err.contains("no ontology/ and data/ under --root"), run.err);
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(1, s.quadCount());
        }
    }

    /** All or nothing over a store in use: a broken file between good ones leaves data, history and text index as they were. */
    @Test
    void a_broken_file_between_good_ones_leaves_a_loaded_store_as_it_was() throws Exception {
        Path store = tmp.resolve("store");
        Path first = Files.writeString(tmp.resolve("first.nt"), "<urn:t:first> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Quorvantine\"@en .\n");
        assertEquals(0, run("load", "--store", store.toString(), "--root", ProjectPaths.root().toString(), first.toString()).exit);
        long quads;
        long head;
        try (LabourStore s = LabourStore.open(store)) {
            quads = s.quadCount();
            head = s.history().head();
        }
        Path good = Files.writeString(tmp.resolve("good.nt"), "<urn:t:good> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Zelmirabant\"@en .\n"
                + "<urn:t:good> <http://www.w3.org/2004/02/skos/core#broader> <urn:t:first> .\n");
        Path bad = Files.writeString(tmp.resolve("bad.nt"), "<urn:t:b> <urn:t:p> \"two\" .\n<urn:t:c> <urn:t:p> <urn:t:o>\n");
        Path last = Files.writeString(tmp.resolve("last.nt"), "<urn:t:last> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Zelmirabant two\"@en .\n");

        Run run = run("load", "--store", store.toString(), "--root", ProjectPaths.root().toString(), good.toString(), bad.toString(), last.toString());

        assertEquals(1, run.exit, run.err);
        assertTrue(run.err.contains("bad.nt:"), run.err);
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(quads, s.quadCount(), "no quad of good.nt, nor entailment of it");
            assertEquals(head, s.history().head(), "no history entry for a load that did not land");
            assertEquals(0, labelled(s, "Zelmirabant"), "the text index does not know good.nt's label");
            assertEquals(1, labelled(s, "Quorvantine"), "the text index still knows the first load's label");
        }
    }

    private static final String TEXT_MATCHES = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query ?word }";

    static int labelled(LabourStore s, String word) {
        return org.apache.jena.system.Txn.calculateRead(s.dataset(), () -> {
            try (var exec = org.apache.jena.sparql.exec.QueryExec.dataset(s.dataset()).query(TEXT_MATCHES)
                    .substitution("word", org.apache.jena.graph.NodeFactory.createLiteralString(word)).build()) {
                int n = 0;
                for (var rows = exec.select(); rows.hasNext(); rows.next()) {
                    n++;
                }
                return n;
            }
        });
    }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
