package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/** {@code labourgraph export}: writes a dump file from a stopped server's store, with a one-line summary. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    Path loadedStore() throws Exception {
        Path dir = tmp.resolve("store");
        try (LabourStore store = LabourStore.open(dir)) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
        }
        return dir;
    }

    @Test
    void export_writes_a_gzipped_n_quads_dump_with_the_named_graphs_and_says_how_many_quads() throws Exception {
        Path store = loadedStore();
        Path out = tmp.resolve("dumps/labourgraph.nq.gz");
        LoadCommandTest.Run run = LoadCommandTest.run("export", "--format", "nq", "--output", out.toString(), "--store", store.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().matches("(?s).*Exported [0-9,]+ quads \\(\\d+ graph\\(s\\)\\) as N-Quads to .*labourgraph\\.nq\\.gz.*"), run.err());
        DatasetGraph read;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            read = RDFParser.source(in).lang(Lang.NQUADS).toDatasetGraph();
        }
        assertTrue(read.containsGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/labourgraph/graph/concepts")));
        assertFalse(read.containsGraph(org.apache.jena.graph.NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH)));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the dump");
        }
    }

    @Test
    void an_unknown_format_or_graph_is_refused_with_a_message() throws Exception {
        Path store = loadedStore();
        assertEquals(2, LoadCommandTest.run("export", "--format", "xls", "--output", tmp.resolve("x").toString(),
                "--store", store.toString()).exit());
        LoadCommandTest.Run run = LoadCommandTest.run("export", "--format", "ttl", "--graph", "https://example.org/none",
                "--output", tmp.resolve("x.ttl").toString(), "--store", store.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("No public source graph"), run.err());
        assertFalse(Files.exists(tmp.resolve("x.ttl")));
    }

    @Test
    void export_mappings_writes_the_sssom_mapping_set_and_says_how_many_mappings() throws Exception {
        Path store = loadedStore();
        Path out = tmp.resolve("labourgraph-mappings.sssom.tsv");
        LoadCommandTest.Run run = LoadCommandTest.run("export", "--mappings", "--output", out.toString(), "--store", store.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().matches("(?s).*Exported \\d+ mappings as SSSOM TSV to .*labourgraph-mappings\\.sssom\\.tsv.*"), run.err());
        String tsv = Files.readString(out);
        assertTrue(tsv.startsWith("#curie_map:\n"), tsv);
        assertTrue(tsv.contains("\nsubject_id\tsubject_label\tpredicate_id\tobject_id\t"), tsv);
        assertTrue(tsv.contains("lgpl:kenya\tKenya\tschema:sameAs\twd:Q114\tKenya\tsemapv:ManualMappingCuration"), tsv);
    }

    @Test
    void export_needs_a_format_or_mappings_and_mappings_take_no_format() throws Exception {
        Path store = loadedStore();
        LoadCommandTest.Run none = LoadCommandTest.run("export", "--output", tmp.resolve("x").toString(), "--store", store.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--format is required"), none.err());
        LoadCommandTest.Run both = LoadCommandTest.run("export", "--mappings", "--format", "ttl", "--output", tmp.resolve("y").toString(),
                "--store", store.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--mappings writes the SSSOM mapping set"), both.err());
        assertFalse(Files.exists(tmp.resolve("y")));
    }
}
