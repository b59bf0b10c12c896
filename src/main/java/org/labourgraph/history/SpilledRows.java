package org.labourgraph.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.rdfpatch.text.TokenWriter;
import org.apache.jena.rdfpatch.text.TokenWriterText;
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
 *
 * <p>The file is gzip, in members: the headers, stored uncompressed so that the member is rewritten in place with
 * the commit time (same length), then the rows, compressed as they come, {@link #ROWS_PER_MEMBER} to a member. Uncompressed, a bulk load's entry took as
 * much disk as the loaded file again (239 MiB at 10^6 triples); compressed, about 4% of it. Any gzip reader, Jena's
 * among them, reads the members as one RDF Patch.
 */
final class SpilledRows implements AutoCloseable {
    /** Fixed width, so the commit time can replace the placeholder in place; {@link Instant#parse} reads it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String PLACEHOLDER = TIME.format(Instant.EPOCH);

    /**
     * Rows per gzip member (about 0.5 MiB of text): a resource's rows are read back by decompressing only the members
     * that hold them ({@link GzipMembers}); deflate's window is 32 KiB, so smaller members would cost little more.
     */
    static final int ROWS_PER_MEMBER = 4096;

    private final Path file;
    private final GzipMembers.Writer members;
    private final TokenWriter tokens;
    private final RDFChangesWriterText writer;
    private final long number;
    private final String author;
    private final String message;
    private final int headersLength;
    private long added;
    private long deleted;
    private boolean finished;

    /** Starts the entry of revision {@code number} in {@code folder} (the history folder, or a spill folder for a log in memory). */
    SpilledRows(Path folder, long number, String author, String message) {
        this.number = number;
        this.author = author;
        this.message = message;
        byte[] headers = headersMember(PLACEHOLDER);
        this.headersLength = headers.length;
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, "rows-", ".tmp");
            OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            raw.write(headers);
            this.members = new GzipMembers.Writer(raw);
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        }
        this.tokens = TokenWriterText.create(members);
        this.writer = new RDFChangesWriterText(tokens);
        writer.txnBegin();
    }

    private static HistoryException cannotWrite(Path where, IOException e) {
        return new HistoryException("Cannot write the history rows of a bulk change in " + where + ": " + e.getMessage()
                + ". Check the disk space and permissions of the store folder.", e);
    }

    /** Ends the gzip member after every {@link #ROWS_PER_MEMBER} rows, at a row boundary. */
    private void rowWritten() {
        if ((added + deleted) % ROWS_PER_MEMBER == 0) {
            tokens.flush();
            try {
                members.nextMember();
            } catch (IOException e) {
                throw cannotWrite(file, e);
            }
        }
    }

    long number() {
        return number;
    }

    void add(Quad q) {
        writer.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        added++;
        rowWritten();
    }

    void delete(Quad q) {
        writer.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        deleted++;
        rowWritten();
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
            byte[] headers = headersMember(TIME.format(committed));
            if (headers.length != headersLength) {
                throw new IllegalStateException("the headers with the commit time no longer fit in place");
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(headers), 0);
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

    /** The headers with {@code time}, as a gzip member stored uncompressed ({@link GzipMembers#stored}). */
    private byte[] headersMember(String time) {
        return GzipMembers.stored(PatchCodec.headers(number, time, author, message));
    }
}
