package org.labourgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and removals of the store folders a benchmark works on. */
final class StoreFolders {
    private StoreFolders() {}

    /** Copies a folder tree, leaving out TDB2's lock file (it names the process that holds the original). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * The disk space the files under {@code folder} take, as {@code du} counts it (blocks allocated: TDB2 maps its files
     * in 8 MiB steps, and the parts not yet written take no space, so their lengths would overstate it).
     */
    static long bytes(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        Process du = new ProcessBuilder("du", "-s", "-B1", folder.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            if (du.waitFor() != 0) {
                throw new IOException("du -s -B1 " + folder + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while measuring " + folder, e);
        }
        return Long.parseLong(out.split("\\s+")[0]);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
