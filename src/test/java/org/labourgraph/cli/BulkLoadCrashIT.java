package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;

/**
 * Issue 18: a streamed {@code load} into a store folder, run by the built jar, is killed with SIGKILL while its
 * transaction writes (its history rows file exists only then), three times; each time the store opens with exactly
 * what it held before, the history has no entry for the load and no leftover file. A load left alone then lands whole.
 */
@Tag("slow")
class BulkLoadCrashIT {
    static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void kill_minus_9_during_a_bulk_load_leaves_the_store_as_it_was() throws Exception {
        Path store = dir.resolve("store");
        Path first = Files.writeString(dir.resolve("first.nt"), "<urn:t:first> <urn:t:p> \"before the bulk load\" .\n");
        assertEquals(0, JarRun.start(dir, "load", "--store", store.toString(), "--root", ProjectPaths.root().toString(),
                first.toString()).waitFor(), "the first load");
        Path thesaurus = dir.resolve("kg.nt");
        ThesaurusGenerator.forTriples(40_000, 5).write(thesaurus, n -> {});
        CompactCommandTest.Content before = CompactCommandTest.contentOf(store);
        Path history = store.resolve("history");

        for (int kill = 0; kill < KILLS; kill++) {
            Process load = JarRun.start(dir, "load", "--store", store.toString(), thesaurus.toString());
            assertTrue(JarRun.killWhenSeen(load, history, name -> name.startsWith("rows-") && name.endsWith(".tmp")),
                    "kill " + (kill + 1) + " hit the load's transaction (its history rows file existed)");
            assertEquals(before, CompactCommandTest.contentOf(store), "after kill " + (kill + 1) + ": nothing of the load");
            try (Stream<Path> left = Files.list(history)) {
                assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no leftover file in " + history);
            }
        }

        assertEquals(0, JarRun.start(dir, "load", "--store", store.toString(), thesaurus.toString()).waitFor(), "a load left alone");
        CompactCommandTest.Content after = CompactCommandTest.contentOf(store);
        assertEquals(before.revisions() + 1, after.revisions(), "the load is one revision");
        assertTrue(after.quads().containsAll(before.quads()) && after.quads().size() > before.quads().size() + 40_000 * 9 / 10,
                "the load landed whole: " + after.quads().size() + " quads");
    }
}
