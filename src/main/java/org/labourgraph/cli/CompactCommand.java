package org.labourgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labourgraph.store.LabourStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labourgraph compact}: TDB2 keeps the blocks every commit replaced, so a store grows with its writes (a bulk
 * load, many edits); compaction copies the live data to a new generation and removes the old ones. Safe to kill:
 * until the new generation is complete the old one stays in use.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Compact a stopped server's store: copy the live data to a new TDB2 generation and remove the old ones.",
                "Every committed change, the history and the text index stay as they are; a kill leaves the store as it was."})
public final class CompactCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "DIR", description = "Store folder of a stopped server (default: ./store).")
    Path store = Path.of("store");

    @Override
    public Integer call() {
        if (!Files.isDirectory(store.resolve("tdb2"))) {
            System.err.println("compact: no store in " + store.toAbsolutePath() + " (no tdb2/ folder); give --store DIR of an existing store.");
            return 2;
        }
        TerminalProgress progress = TerminalProgress.start("bytes", 0);
        try (LabourStore opened = LabourStore.open(store.toAbsolutePath())) {
            LabourStore.Compacted done = opened.compact(bytes -> progress.status(String.format(Locale.ROOT,
                    "compacting: new generation %s so far, %.0f s", megabytes(bytes), progress.seconds())));
            progress.finish();
            System.err.printf(Locale.ROOT, "compact: %s → %s on disk (public and private databases) in %.1f s.%n",
                    megabytes(done.bytesBefore()), megabytes(done.bytesAfter()), done.took().toMillis() / 1000.0);
            if (done.textSegmentsMerged() > 0) {
                System.err.printf("compact: merged the text index's %d segments into one.%n", done.textSegmentsMerged());
            }
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }
}
