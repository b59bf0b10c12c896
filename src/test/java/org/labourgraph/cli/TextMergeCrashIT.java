package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.store.LabourStore;

/**
 * Issue 18: a bulk {@code load} into a store whose text index is in many segments commits, then merges the index into
 * one segment in a transaction of its own. Killed with SIGKILL during that merge, the store opens with the whole load
 * (quads and revision) and a text index at its last commit that finds what it found before and what the load added;
 * the next {@code compact} merges it.
 */
@Tag("slow")
class TextMergeCrashIT {
    private static final int COMMITS = 6;
    private static final int LABELS_EACH = 50;
    /** A word only the bulk file's one extra label holds. */
    private static final String LOADED_WORD = "Zelvoranthe";

    @TempDir
    Path dir;

    @Test
    void kill_minus_9_while_a_bulk_load_merges_the_text_index_keeps_the_load_and_an_index_that_finds_it() throws Exception {
        Path store = dir.resolve("store");
        Path text = store.resolve("text");
        Path thesaurus = dir.resolve("kg.nt");
        ThesaurusGenerator.forTriples(120_000, 3).write(thesaurus, n -> {});
        try (OutputStream out = Files.newOutputStream(thesaurus, StandardOpenOption.APPEND)) {
            RDFDataMgr.writeTriples(out, List.of(Triple.create(NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/zelvoranthe"),
                    SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(LOADED_WORD, "fr"))).iterator());
        }
        int quadsBefore;
        try (LabourStore opened = LabourStore.open(store)) {
            // One commit each, one text segment each: the bulk load will find more than it leaves and merge them.
            for (int round = 0; round < COMMITS; round++) {
                int r = round;
                Txn.executeWrite(opened.dataset(), () -> {
                    for (int i = 0; i < LABELS_EACH; i++) {
                        opened.dataset().add(NodeFactory.createURI("urn:test:g"), NodeFactory.createURI("urn:test:s" + r + "-" + i),
                                SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Quorvantine " + r + " " + i, "fr"));
                    }
                });
            }
            quadsBefore = (int) opened.quadCount();
        }
        // Opening the new store loaded ontology/ and data/: those are its revisions so far.
        int revisionsBefore = CompactCommandTest.contentOf(store).revisions();
        assertTrue(segments(text) >= COMMITS, "segments before the load: " + segments(text));

        Process load = JarRun.start(dir, "load", "--store", store.toString(), thesaurus.toString());
        assertTrue(JarRun.killWhenSeen(load, text, new MergeUnderWay(text)), "the kill hit the merge");

        CompactCommandTest.Content after = CompactCommandTest.contentOf(store);
        assertEquals(revisionsBefore + 1, after.revisions(), "the load committed before the merge: its revision is there");
        assertTrue(after.quads().size() > quadsBefore + 120_000 * 9 / 10, "the load is whole: " + after.quads().size() + " quads");
        assertTrue(segments(text) > 1, "the index is at its commit before the merge: " + segments(text) + " segments");
        assertSearches(store);

        assertEquals(0, JarRun.start(dir, "compact", "--store", store.toString()).waitFor(), "compact after the kill");
        assertEquals(1, segments(text), "compact merged the index");
        assertSearches(store);
        assertEquals(after, CompactCommandTest.contentOf(store), "compact kept every quad and revision");
    }

    /**
     * Seen in the order Lucene writes them: the import's one commit of the index (a segments_N file other than those there
     * before), then the files of a new segment (its stored fields, .fdt, come first), which only the merge writes after it.
     */
    private static final class MergeUnderWay implements Predicate<String> {
        private final Set<String> commitsBefore;
        private boolean importCommitted;

        MergeUnderWay(Path text) throws IOException {
            try (Stream<Path> files = Files.list(text)) {
                commitsBefore = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segments_")).collect(Collectors.toSet());
            }
        }

        @Override
        public boolean test(String name) {
            if (name.startsWith("segments_") && !commitsBefore.contains(name)) {
                importCommitted = true;
            }
            return importCommitted && name.endsWith(".fdt");
        }
    }

    private static void assertSearches(Path store) {
        try (LabourStore opened = LabourStore.open(store)) {
            assertEquals(COMMITS * LABELS_EACH, LoadCommandTest.labelled(opened, "Quorvantine"), "the labels written before the load");
            assertEquals(1, LoadCommandTest.labelled(opened, LOADED_WORD), "the label the load added");
        }
    }

    private static int segments(Path folder) throws IOException {
        try (FSDirectory directory = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }
}
