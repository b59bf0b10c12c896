package org.labourgraph.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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
                    copySparse(p, target);
                }
            }
        }
    }

    /**
     * Copies a file leaving its runs of zeros unwritten, as holes: TDB2's mapped files are mostly such runs until
     * written, and a plain copy would make the copy take their whole length on disk.
     */
    private static void copySparse(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            long position = 0;
            while (true) {
                block.clear();
                int read = in.read(block, position);
                if (read < 0) {
                    break;
                }
                block.flip();
                if (!allZero(block)) {
                    while (block.hasRemaining()) {
                        out.write(block, position + block.position());
                    }
                }
                position += read;
            }
            if (out.size() < position) { // ends in a hole: the last byte gives the copy its whole length
                out.write(ByteBuffer.allocate(1), position - 1);
            }
        }
    }

    private static boolean allZero(ByteBuffer block) {
        for (int i = block.position(); i < block.limit(); i++) {
            if (block.get(i) != 0) {
                return false;
            }
        }
        return true;
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
