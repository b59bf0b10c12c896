package org.labourgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * TDB2 compaction of a store's databases (the public one and the curators' private one). TDB2 never rewrites a
 * block in place: every commit leaves the blocks it replaced behind, so a store grows with its history of writes.
 * Jena's compaction copies the live data into the next generation folder ({@code Data-000N}), written first as
 * {@code Data-000N-tmp} and renamed into place only when complete, then switches the open dataset over. A
 * {@code kill -9} during the copy leaves the old generation in use and a temporary folder that TDB2 removes
 * when it next opens the database; a kill after the switch leaves an old generation that the next compaction removes.
 */
final class StoreCompaction {
    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");
    private static final Pattern PARTIAL = Pattern.compile("Data-(\\d+)-tmp");

    private StoreCompaction() {}

    /**
     * Compacts each database (an open TDB2 dataset and its folder), then removes every generation older than the one in
     * use. {@code progress} is told, every second, how many bytes the new generation holds so far.
     */
    static Sizes run(List<Database> databases, Consumer<Long> progress) {
        long before = databases.stream().mapToLong(d -> bytesUnder(d.folder())).sum();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "compaction-progress");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Database database : databases) {
                ScheduledFuture<?> report = reporter.scheduleAtFixedRate(
                        () -> partialGeneration(database.folder()).ifPresent(p -> progress.accept(bytesUnder(p))), 1, 1, TimeUnit.SECONDS);
                try {
                    DatabaseMgr.compact(database.dataset(), true);
                } finally {
                    report.cancel(false);
                }
                removeOlderGenerations(database.folder());
            }
        } finally {
            reporter.shutdownNow();
        }
        long after = databases.stream().mapToLong(d -> bytesUnder(d.folder())).sum();
        return new Sizes(before, after);
    }

    /** Bytes under the databases' folders before and after the compaction. */
    record Sizes(long bytesBefore, long bytesAfter) {}

    /** An open TDB2 dataset (as {@link DatabaseMgr#connectDatasetGraph} gives it) and the folder that holds its generations. */
    record Database(DatasetGraph dataset, Path folder) {}

    /** Deletes the generations below the newest complete one: none is in use (TDB2 always opens the newest). */
    static void removeOlderGenerations(Path folder) {
        List<Path> generations = generations(folder);
        generations.stream().limit(Math.max(0, generations.size() - 1)).forEach(StoreCompaction::deleteTree);
    }

    /** The complete generation folders, oldest first. */
    static List<Path> generations(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(StoreCompaction::number))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static int number(Path generation) {
        Matcher m = GENERATION.matcher(generation.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The generation being written by a compaction in progress, if any. */
    static Optional<Path> partialGeneration(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> PARTIAL.matcher(p.getFileName().toString()).matches()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Bytes the folder takes on disk. TDB2's files are memory-mapped and grown in 8 MB steps, mostly sparse: their
     * lengths say little (an empty database "holds" 200 MB), so the blocks really allocated are read from {@code du}
     * where the system has it, and the files' lengths otherwise.
     */
    static long bytesUnder(Path folder) {
        try {
            Process du = new ProcessBuilder("du", "-sk", folder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (du.waitFor() == 0 && out.matches("\\d+\\s.*")) {
                return Long.parseLong(out.split("\\s+")[0]) * 1024;
            }
        } catch (IOException e) {
            // no du on this system: fall back to the files' lengths
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fileLengths(folder);
    }

    private static long fileLengths(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;  // removed while walking (the compaction renames and deletes as it goes)
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove the old store generation " + root + ": " + e.getMessage()
                    + ". Remove that folder by hand once no labourgraph process uses the store.", e);
        }
    }
}
