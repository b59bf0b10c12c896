package org.labourgraph.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.sparql.core.Quad;

/**
 * The rows of one large write transaction (a bulk import), written to a file as they happen instead of held in
 * memory: one A or D row per quad really added or deleted, in order. Applying them in order, or undoing them in
 * reverse order, gives the same result as the net change, so the revision they make is as good for revert; what it
 * gives up is the net view before the commit (the pre-commit steps see no rows: a bulk import is not shape-checked).
 */
final class SpilledRows implements AutoCloseable {
    private final Path file;
    private final OutputStream stream;
    private final RDFChangesWriterText writer;
    private long added;
    private long deleted;
    private boolean finished;

    SpilledRows(Path folder) {
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, "rows-", ".tmp");
            this.stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new HistoryException("Cannot write the history rows of a bulk change in " + folder + ": " + e.getMessage()
                    + ". Check the disk space and permissions of the store folder.", e);
        }
        this.writer = RDFChangesWriterText.create(stream);
        writer.start();
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

    /** Closes the file and returns it: the rows, without headers nor transaction marks. */
    Path finish() {
        if (!finished) {
            finished = true;
            writer.finish();
            writer.close(); // closes the stream
        }
        return file;
    }

    /** Drops the rows (the transaction did not commit, or they were copied into the log). */
    @Override
    public void close() {
        try {
            finish();
        } catch (RuntimeException e) {
            // closing a half-written file of a failed transaction: the file is deleted below anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
