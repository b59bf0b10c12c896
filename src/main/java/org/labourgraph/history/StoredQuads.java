package org.labourgraph.history;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFPatchReaderText;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The added or the deleted quads of a large revision, read from its patch file when first asked for and held only
 * softly: a bulk import of 10^6 triples is one revision, and holding every such revision in memory (and reading
 * them all when the store opens) cost seconds of start-up and a large part of the heap. Immutable, like the file.
 */
final class StoredQuads extends AbstractList<org.apache.jena.sparql.core.Quad> implements RandomAccess {
    /**
     * Patch files past this size are read on demand: a curator's edit is a few hundred bytes, and the shipped data's
     * entry (a few hundred KiB) is not needed to start the server.
     */
    static final long LAZY_BYTES = 1L << 16;

    /** One patch file, decoded at most once while memory allows; shared by its added and deleted sides. */
    static final class PatchFile {
        private final Path file;
        private SoftReference<Revision> decoded = new SoftReference<>(null);

        PatchFile(Path file) {
            this.file = file;
        }

        synchronized Revision content() {
            Revision r = decoded.get();
            if (r == null) {
                try {
                    r = PatchCodec.decode(Files.readAllBytes(file), file.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
                }
                decoded = new SoftReference<>(r);
            }
            return r;
        }

        /**
         * The IRI subjects of the file's added and deleted statements, in file order, read as a stream: what the index
         * of revisions by subject needs, without holding the entry whole (a bulk load of 5·10^6 triples is an entry
         * larger than a 1 GiB heap once decoded).
         */
        void forEachSubject(Consumer<String> each) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                new RDFPatchReaderText(in).apply(new RDFChangesBase() {
                    @Override
                    public void add(Node g, Node s, Node p, Node o) {
                        if (s.isURI()) {
                            each.accept(s.getURI());
                        }
                    }

                    @Override
                    public void delete(Node g, Node s, Node p, Node o) {
                        add(g, s, p, o);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new HistoryException("The history entry " + file + " is not a readable RDF Patch: " + e.getMessage(), e);
            }
        }

        /** The revision's headers (number, time, author, message) and lazily read quads, reading only the headers now. */
        Revision headersOnly() throws IOException {
            Revision h = firstRows(0);
            return new Revision(h.number(), h.time(), h.author(), h.message(), new StoredQuads(this, true), new StoredQuads(this, false));
        }

        /** The revision with only its first {@code rows} added or deleted quads, read from the start of the file. */
        Revision firstRows(int rows) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int read = 0;
                for (String line = in.readLine(); line != null && !line.startsWith("TC") && read <= rows; line = in.readLine()) {
                    boolean row = line.startsWith("A ") || line.startsWith("D ");
                    if (row && ++read > rows) {
                        break;
                    }
                    head.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            String text = head.toString(StandardCharsets.UTF_8);
            head.writeBytes(((text.contains("\nTX") || text.startsWith("TX") ? "" : "TX .\n") + "TC .\n").getBytes(StandardCharsets.UTF_8));
            return PatchCodec.decode(head.toByteArray(), file.toString());
        }
    }

    /** As {@link PatchFile#forEachSubject}: the subjects of both sides of this revision, streamed from its file. */
    void forEachSubjectOfRevision(Consumer<String> each) {
        patch.forEachSubject(each);
    }

    /** The first {@code rows} quads of this revision (added and deleted as they come in the file), without reading the rest. */
    Revision sample(int rows) {
        try {
            return patch.firstRows(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the history entry " + patch.file + ": " + e.getMessage(), e);
        }
    }

    private final PatchFile patch;
    private final boolean added;

    private StoredQuads(PatchFile patch, boolean added) {
        this.patch = patch;
        this.added = added;
    }

    private List<org.apache.jena.sparql.core.Quad> quads() {
        Revision r = patch.content();
        return added ? r.added() : r.deleted();
    }

    @Override
    public org.apache.jena.sparql.core.Quad get(int index) {
        return quads().get(index);
    }

    @Override
    public int size() {
        return quads().size();
    }
}
