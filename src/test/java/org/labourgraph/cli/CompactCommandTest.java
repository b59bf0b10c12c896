package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.store.LabourStore;

/** {@code labourgraph compact}: the store shrinks to one TDB2 generation, with every quad and the whole history. */
class CompactCommandTest {
    @TempDir
    Path tmp;

    /** What compaction must keep: every quad of the public store (sorted N-Quads lines) and the number of revisions. */
    record Content(List<String> quads, int revisions, long privateQuads) {}

    static Content contentOf(Path store) {
        try (LabourStore opened = LabourStore.open(store)) {
            List<String> quads = new ArrayList<>();
            Txn.executeRead(opened.dataset(), () -> opened.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> quads.add(NodeFmtLib.str(q))));
            quads.sort(null);
            return new Content(quads, opened.history().revisions().size(), opened.privateQuadCount());
        }
    }

    static List<String> generations(Path tdbFolder) throws IOException {
        try (Stream<Path> entries = Files.list(tdbFolder)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void compaction_shrinks_the_store_and_keeps_every_quad_and_the_history() throws Exception {
        Path store = tmp.resolve("store");
        Path thesaurus = tmp.resolve("kg.nt");
        ThesaurusGenerator.forTriples(5_000, 5).write(thesaurus, n -> {});
        Path note = Files.writeString(tmp.resolve("note.ttl"), "<https://w3id.org/labourgraph/id/note/n1>"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"a curator's note\"@en .\n");
        assertEquals(0, LoadCommandTest.run("load", "--store", store.toString(), "--root", ProjectPaths.root().toString(),
                thesaurus.toString()).exit());
        for (int i = 0; i < 3; i++) {  // each replace is a commit that leaves the blocks it replaced behind
            assertEquals(0, LoadCommandTest.run("load", "--store", store.toString(), "--replace", thesaurus.toString()).exit());
        }
        assertEquals(0, LoadCommandTest.run("load", "--visibility", "private", "--store", store.toString(), note.toString()).exit());
        Content before = contentOf(store);
        long bytesBefore = sizeOf(store.resolve("tdb2"));

        LoadCommandTest.Run run = LoadCommandTest.run("compact", "--store", store.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("compact: ") && run.err().contains(" MB on disk"), run.err());
        assertEquals(List.of("Data-0002"), generations(store.resolve("tdb2")), "one generation left, the new one");
        assertEquals(List.of("Data-0002"), generations(store.resolve("private").resolve("tdb2")));
        assertTrue(sizeOf(store.resolve("tdb2")) < bytesBefore, "smaller on disk");
        assertEquals(before, contentOf(store), "every quad, private ones and revisions kept");
        Path more = Files.writeString(tmp.resolve("more.nt"), "<urn:t:after> <urn:t:p> \"written after compaction\" .\n");
        assertEquals(0, LoadCommandTest.run("load", "--store", store.toString(), more.toString()).exit(), "the store still takes writes");
        assertEquals(before.quads().size() + 1, contentOf(store).quads().size());
    }

    @Test
    void compaction_removes_the_old_generation_a_compaction_killed_after_its_switch_left() throws Exception {
        Path store = tmp.resolve("store");
        Path file = Files.writeString(tmp.resolve("a.nt"), "<urn:t:a> <urn:t:p> \"one\" .\n");
        assertEquals(0, LoadCommandTest.run("load", "--no-sources", "--store", store.toString(), file.toString()).exit());
        // What a kill between the switch to the new generation and the removal of the old one leaves: an older folder.
        Files.createDirectories(store.resolve("tdb2").resolve("Data-0000"));
        Files.writeString(store.resolve("tdb2").resolve("Data-0000").resolve("nodes.dat"), "left over");

        assertEquals(0, LoadCommandTest.run("compact", "--store", store.toString()).exit());

        assertEquals(List.of("Data-0002"), generations(store.resolve("tdb2")));
    }

    @Test
    void compacting_a_folder_that_holds_no_store_says_so_and_creates_nothing() {
        Path missing = tmp.resolve("no-store");
        LoadCommandTest.Run run = LoadCommandTest.run("compact", "--store", missing.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no store in"), run.err());
        assertFalse(Files.exists(missing));
    }

    /** Kilobytes the folder takes on disk, as du counts them (TDB2's files are sparse: their lengths do not shrink). */
    static long sizeOf(Path folder) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-sk", folder.toString()).start();
        String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, du.waitFor(), "du -sk " + folder);
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
