package org.labourgraph.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/**
 * The rows of one large write transaction (a bulk import), written to a file as they happen instead of held in
 * memory: one A or D row per quad really added or deleted, in order. Applying them in order, or undoing them in
 * reverse order, gives the same result as the net change, so the revision they make is as good for revert; what it
 * gives up is the net view before the commit (the pre-commit steps see no rows: a bulk import is not shape-checked).
 *
 * <p>The file is the history entry itself, headers first: the revision number, author and message are known when the
 * transaction starts (TDB2 lets one writer at a time), the commit time is written over a placeholder of the same width
 * when it is known. Moved into the history folder at commit, the rows are written once, never copied.
 */
final class SpilledRows implements AutoCloseable {
    /** Fixed width, so the commit time can replace the placeholder in place; {@link Instant#parse} reads it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String PLACEHOLDER = TIME.format(Instant.EPOCH);

    private final Path file;
    private final OutputStream stream;
    private final RDFChangesWriterText writer;
    private final long number;
    private final long timeOffset;
    private long added;
    private long deleted;
    private boolean finished;

    /** Starts the entry of revision {@code number} in {@code folder} (the history folder, or a spill folder for a log in memory). */
    SpilledRows(Path folder, long number, String author, String message) {
        this.number = number;
        byte[] headers = PatchCodec.headers(number, PLACEHOLDER, author, message);
        this.timeOffset = indexOf(headers, PLACEHOLDER.getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, "rows-", ".tmp");
            this.stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            stream.write(headers);
        } catch (IOException e) {
            throw new HistoryException("Cannot write the history rows of a bulk change in " + folder + ": " + e.getMessage()
                    + ". Check the disk space and permissions of the store folder.", e);
        }
        this.writer = RDFChangesWriterText.create(stream);
        writer.txnBegin();
    }

    long number() {
        return number;
    }

    void add(Quad q) {
        writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        added++;
    }

    void delete(Quad q) {
        writer.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        deleted++;
    }

    boolean isEmpty() {
        return added == 0 && deleted == 0;
    }

    /** Ends the transaction's rows, writes the commit time into the headers and forces the file to disk; returns it. */
    Path finish(Instant committed) {
        if (!finished) {
            finished = true;
            writer.txnCommit();
            writer.finish();
            writer.close(); // closes the stream
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(TIME.format(committed).getBytes(StandardCharsets.US_ASCII)), timeOffset);
                ch.force(true);
            } catch (IOException e) {
                throw new HistoryException("Cannot complete the history entry " + file + ": " + e.getMessage()
                        + ". The change was not made. Check the disk space of the store folder.", e);
            }
        }
        return file;
    }

    /** Drops the file (the transaction did not commit, or the entry was moved into the history). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            try {
                writer.close();
            } catch (RuntimeException e) {
                // closing a half-written file of a failed transaction: the file is deleted below anyway
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static long indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the time placeholder is missing from the entry's headers");
    }
}
