package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
        assertEquals(0, jar("load", "--store", store.toString(), "--root", ProjectPaths.root().toString(), thesaurus.toString())
                .waitFor(), "the load");
        CompactCommandTest.Content before = CompactCommandTest.contentOf(store);
        Path tdb = store.resolve("tdb2");

        for (int kill = 0; kill < KILLS; kill++) {
            Process compaction = jar("compact", "--store", store.toString());
            boolean killedMidCopy = false;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (compaction.isAlive() && System.nanoTime() < deadline) {
                if (partialGeneration(tdb)) {
                    compaction.destroyForcibly();  // SIGKILL on Linux
                    killedMidCopy = true;
                    break;
                }
                Thread.sleep(5);
            }
            compaction.waitFor(1, TimeUnit.MINUTES);
            assertTrue(killedMidCopy, "kill " + (kill + 1) + " hit a compaction in flight (its Data-N-tmp folder existed)");
            assertEquals(before, CompactCommandTest.contentOf(store), "after kill " + (kill + 1) + ": every quad and revision");
        }

        assertEquals(0, jar("compact", "--store", store.toString()).waitFor(), "a compaction left alone completes");
        assertEquals(1, CompactCommandTest.generations(tdb).size(), "one generation left: " + CompactCommandTest.generations(tdb));
        assertEquals(before, CompactCommandTest.contentOf(store));
    }

    private static boolean partialGeneration(Path tdb) throws IOException {
        try (Stream<Path> entries = Files.list(tdb)) {
            return entries.anyMatch(p -> p.getFileName().toString().matches("Data-\\d+-tmp"));
        }
    }

    private Process jar(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ProjectPaths.jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + args[0] + "-" + System.nanoTime() + ".log").toFile()).start();
    }
}
