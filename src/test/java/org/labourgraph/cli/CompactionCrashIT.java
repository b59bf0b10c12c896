package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;

/**
 * Issue 18: {@code compact} run by the built jar is killed with SIGKILL while it copies the store into its new
 * generation, three times; each time the store opens with every quad, private quad and revision it had. A last
 * compaction then completes and leaves one generation.
 */
@Tag("slow")
class CompactionCrashIT {
    static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void kill_minus_9_during_compaction_leaves_the_store_as_it_was() throws Exception {
        Path store = dir.resolve("store");
        Path thesaurus = dir.resolve("kg.nt");
        ThesaurusGenerator.forTriples(30_000, 5).write(thesaurus, n -> {});
        assertEquals(0, JarRun.start(dir, "load", "--store", store.toString(), "--root", ProjectPaths.root().toString(), thesaurus.toString())
                .waitFor(), "the load");
        CompactCommandTest.Content before = CompactCommandTest.contentOf(store);
        Path tdb = store.resolve("tdb2");

        for (int kill = 0; kill < KILLS; kill++) {
            Process compaction = JarRun.start(dir, "compact", "--store", store.toString());
            assertTrue(JarRun.killWhenSeen(compaction, tdb, name -> name.matches("Data-\\d+-tmp")),
                    "kill " + (kill + 1) + " hit a compaction in flight (its Data-N-tmp folder existed)");
            assertEquals(before, CompactCommandTest.contentOf(store), "after kill " + (kill + 1) + ": every quad and revision");
        }

        assertEquals(0, JarRun.start(dir, "compact", "--store", store.toString()).waitFor(), "a compaction left alone completes");
        assertEquals(1, CompactCommandTest.generations(tdb).size(), "one generation left: " + CompactCommandTest.generations(tdb));
        assertEquals(before, CompactCommandTest.contentOf(store));
    }
}
