package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.bench.ThesaurusGenerator;

/** A bulk import leaves the text index in one segment, with every document; a small one leaves Lucene's merges alone. */
class TextSegmentMergeTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");

    @TempDir
    Path tmp;

    /** Six transactions, each committing a segment of its own. */
    private static void sixCommits(DatasetGraph text) {
        for (int round = 0; round < 6; round++) {
            int r = round;
            Txn.executeWrite(text, () -> {
                for (int i = 0; i < 50; i++) {
                    text.add(G, NodeFactory.createURI("urn:test:s" + r + "-" + i), SKOS.prefLabel.asNode(),
                            NodeFactory.createLiteralLang("étiquette " + r + " " + i, "fr"));
                }
            });
        }
    }

    private static int segments(Path folder) throws IOException {
        try (FSDirectory directory = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    private static int hits(DatasetGraph text, String word) {
        TextIndexLucene index = (TextIndexLucene) ((DatasetGraphText) text).getTextIndex();
        return Txn.calculateRead(text, () -> index.query(SKOS.prefLabel.asNode(), word, null, null, 10_000).size());
    }

    @Test
    void an_index_of_many_segments_is_merged_into_one_that_finds_the_same_documents() throws IOException {
        Path folder = tmp.resolve("text");
        DatasetGraph text = TextIndexLayout.indexed(DatabaseMgr.createDatasetGraph(), FSDirectory.open(folder));
        sixCommits(text);
        int before = segments(folder);
        assertTrue(before > TextIndexLayout.SEGMENTS_AFTER_BULK, "segments before: " + before);
        assertEquals(300, hits(text, "étiquette"));

        assertEquals(0, TextIndexLayout.mergeAfterImport(text, TextIndexLayout.BULK_TRIPLES - 1), "a small import merges nothing");
        assertEquals(before, segments(folder));

        assertEquals(before, TextIndexLayout.mergeAfterImport(text, TextIndexLayout.BULK_TRIPLES));
        assertEquals(1, segments(folder));
        assertEquals(300, hits(text, "étiquette"));
        assertEquals(0, TextIndexLayout.mergeSegments(text, 1), "one segment: nothing left to merge");
    }

    @Test
    void a_bulk_load_into_a_store_with_a_fragmented_index_ends_with_one_segment() throws Exception {
        Path dir = tmp.resolve("store");
        Path file = tmp.resolve("thesaurus.nt");
        ThesaurusGenerator.forTriples(TextIndexLayout.BULK_TRIPLES + 5_000, 3).write(file, n -> {});
        try (LabourStore store = LabourStore.open(dir)) {
            sixCommits(store.dataset());
            assertTrue(segments(dir.resolve("text")) > TextIndexLayout.SEGMENTS_AFTER_BULK);

            LabourStore.ImportResult result = store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES,
                    "https://w3id.org/labourgraph/graph/import/test")), false, n -> {});

            assertTrue(result.textSegmentsMerged() > TextIndexLayout.SEGMENTS_AFTER_BULK, "merged: " + result.textSegmentsMerged());
            assertEquals(1, segments(dir.resolve("text")));
        }
    }
}
