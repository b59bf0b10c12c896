package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's size is the space its files take on disk, not their lengths (TDB2's mapped files are sparse). */
class StoreFoldersTest {
    @TempDir
    Path folder;

    @Test
    void written_bytes_count_and_a_sparse_file_s_unwritten_length_does_not() throws Exception {
        Files.write(folder.resolve("written.dat"), new byte[1 << 20]);
        try (RandomAccessFile sparse = new RandomAccessFile(folder.resolve("sparse.dat").toFile(), "rw")) {
            sparse.setLength(64L << 20);
        }
        long bytes = StoreFolders.bytes(folder);
        assertTrue(bytes >= 1 << 20, "the written megabyte counts: " + bytes);
        assertTrue(bytes < 8L << 20, "the 64 MiB never written do not: " + bytes);
    }

    @Test
    void a_copy_keeps_the_holes_of_a_sparse_file_and_every_byte_of_it() throws Exception {
        Path from = Files.createDirectories(folder.resolve("from"));
        try (RandomAccessFile sparse = new RandomAccessFile(from.resolve("index.dat").toFile(), "rw")) {
            sparse.setLength(32L << 20);
            sparse.seek(5L << 20);
            sparse.write("written in the middle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(from.resolve("tdb.lock"), "123");
        Path to = folder.resolve("to");
        StoreFolders.copyTree(from, to);
        assertEquals(32L << 20, Files.size(to.resolve("index.dat")));
        assertEquals(-1, Files.mismatch(from.resolve("index.dat"), to.resolve("index.dat")), "the same bytes");
        assertTrue(StoreFolders.bytes(to) < 4L << 20, "the holes stay holes: " + StoreFolders.bytes(to));
        assertTrue(Files.notExists(to.resolve("tdb.lock")), "the lock names the original's process: not copied");
    }

    @Test
    void a_missing_folder_takes_nothing() throws Exception {
        assertEquals(0, StoreFolders.bytes(folder.resolve("absent")));
    }
}
