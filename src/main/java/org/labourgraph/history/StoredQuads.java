package org.labourgraph.history;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.zip.GZIPInputStream;
import java.util.function.BiConsumer;
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
import java.io.ByteArrayInputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

        /** Past this, a member's text is not one {@link SpilledRows} wrote (its members are about 0.5 MiB). */
        private static final int MAX_MEMBER_TEXT = 64 << 20;
        /** Subject → the members holding rows about it, once {@link #indexByMember} ran; null until then. */
        private Map<String, int[]> membersBySubject;
        private List<GzipMembers.Member> members;

        private static boolean isGzip(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                return startsAsGzip(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
            }
        }

        /** Whether the next two bytes of {@code in} are gzip's magic number (they are consumed). */
        private static boolean startsAsGzip(InputStream in) throws IOException {
            return in.read() == 0x1f && in.read() == 0x8b;
        }

        /**
         * The file's bytes as RDF Patch text: a bulk change's entry is gzip-compressed (its rows repeat the same IRIs
         * line after line, and uncompressed it took as much disk as the loaded file again), a curator's edit is not.
         * Told apart by gzip's magic number, so a compressed entry reads the same whatever its name.
         */
        static InputStream open(Path file) throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            boolean gzip = startsAsGzip(in);
            in.reset();
            return gzip ? new GZIPInputStream(in, 1 << 16) : in; // reads every member of the file
        }

        /** The whole entry in {@code file}, decoded. */
        static Revision read(Path file) throws IOException {
            try (InputStream in = open(file)) {
                return PatchCodec.decode(in.readAllBytes(), file.toString());
            }
        }

        synchronized Revision content() {
            Revision r = decoded.get();
            if (r == null) {
                try {
                    r = read(file);
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
            if (indexByMember(each)) {
                return;
            }
            forEachRow((added, q) -> {
                if (q.getSubject().isURI()) {
                    each.accept(q.getSubject().getURI());
                }
            });
        }

        /**
         * For an entry written in small gzip members ({@link SpilledRows}): gives each subject to {@code each} once
         * and remembers which members hold its rows, so that {@link #about} decompresses only those. False, having
         * remembered nothing, for an entry written otherwise (plain text, or compressed whole).
         */
        private boolean indexByMember(Consumer<String> each) {
            if (!isGzip(file)) {
                return false;
            }
            Map<String, int[]> index = new HashMap<>();
            List<GzipMembers.Member> found = new ArrayList<>();
            int[] sides = new int[2];
            try {
                GzipMembers.forEach(file, MAX_MEMBER_TEXT, (member, text) -> {
                    int k = found.size();
                    found.add(member);
                    rows(new ByteArrayInputStream(text), (added, q) -> {
                        sides[added ? 0 : 1]++;
                        if (q.getSubject().isURI()) {
                            String subject = q.getSubject().getURI();
                            int[] in = index.get(subject);
                            if (in == null) {
                                index.put(subject, new int[] {k});
                                each.accept(subject);
                            } else if (in[in.length - 1] != k) {
                                int[] more = Arrays.copyOf(in, in.length + 1);
                                more[in.length] = k;
                                index.put(subject, more);
                            }
                        }
                    });
                });
            } catch (GzipMembers.MemberTooLarge e) {
                return false; // compressed whole: streamed instead (the subjects given so far are given again, harmlessly)
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
            }
            synchronized (this) {
                membersBySubject = index;
                members = List.copyOf(found);
                counts = sides; // counted on the way: the history page's +/− figures need no second pass
            }
            return true;
        }

        /** The members that hold rows about {@code iri}, in file order; empty if the entry is not indexed by member. */
        synchronized Optional<List<GzipMembers.Member>> membersAbout(String iri) {
            if (membersBySubject == null) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(membersBySubject.getOrDefault(iri, new int[0])).mapToObj(members::get).toList());
        }

        /** This entry's rows about {@code iri} from the members that hold them; empty if not indexed by member. */
        private Optional<List<org.apache.jena.sparql.core.Quad>> rowsAboutByMember(String iri, boolean addedSide) {
            Optional<List<GzipMembers.Member>> holding = membersAbout(iri);
            if (holding.isEmpty()) {
                return Optional.empty();
            }
            List<org.apache.jena.sparql.core.Quad> out = new ArrayList<>();
            for (GzipMembers.Member member : holding.get()) {
                try {
                    rows(new ByteArrayInputStream(GzipMembers.text(file, member)), (side, q) -> {
                        if (side == addedSide && isAbout(q, iri)) {
                            out.add(q);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
                }
            }
            return Optional.of(out);
        }

        /** Each added ({@code true}) and deleted row of the file, in file order, read as a stream. */
        void forEachRow(BiConsumer<Boolean, org.apache.jena.sparql.core.Quad> each) {
            try (InputStream in = open(file)) {
                rows(in, each);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
            }
        }

        /** The rows of RDF Patch text (a whole entry, or a member's share of its rows). */
        private void rows(InputStream in, BiConsumer<Boolean, org.apache.jena.sparql.core.Quad> each) {
            try {
                new RDFPatchReaderText(in).apply(new RDFChangesBase() {
                    @Override
                    public void add(Node g, Node s, Node p, Node o) {
                        each.accept(true, org.apache.jena.sparql.core.Quad.create(g == null ? org.apache.jena.sparql.core.Quad.defaultGraphIRI : g, s, p, o));
                    }

                    @Override
                    public void delete(Node g, Node s, Node p, Node o) {
                        each.accept(false, org.apache.jena.sparql.core.Quad.create(g == null ? org.apache.jena.sparql.core.Quad.defaultGraphIRI : g, s, p, o));
                    }
                });
            } catch (RuntimeException e) {
                throw new HistoryException("The history entry " + file + " is not a readable RDF Patch: " + e.getMessage(), e);
            }
        }

        /** Rows added and deleted, counted once from the file's lines (not decoded); null until counted. */
        private int[] counts;

        /** How many rows the file adds ({@code true}) or deletes, counted without decoding the entry. */
        synchronized int count(boolean added) {
            Revision held = decoded.get();
            if (held != null) {
                return added ? held.added().size() : held.deleted().size();
            }
            if (counts == null) {
                int[] c = new int[2];
                try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("A ")) {
                            c[0]++;
                        } else if (line.startsWith("D ")) {
                            c[1]++;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the history entry " + file + ": " + e.getMessage(), e);
                }
                counts = c;
            }
            return added ? counts[0] : counts[1];
        }

        /** The decoded entry if memory still holds it, else null. */
        synchronized Revision heldIfAny() {
            return decoded.get();
        }

        /** The revision's headers (number, time, author, message) and lazily read quads, reading only the headers now. */
        Revision headersOnly() throws IOException {
            Revision h = firstRows(0);
            return new Revision(h.number(), h.time(), h.author(), h.message(), new StoredQuads(this, true), new StoredQuads(this, false));
        }

        /** The revision with only its first {@code rows} added or deleted quads, read from the start of the file. */
        Revision firstRows(int rows) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
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

    /** As {@link PatchFile#membersAbout}: where in this revision's file the rows about {@code iri} are. */
    Optional<List<GzipMembers.Member>> membersAbout(String iri) {
        return patch.membersAbout(iri);
    }

    /**
     * This side's statements whose subject is {@code iri}: from the decoded entry if memory holds it, else streamed from
     * the file, so that a resource's history never decodes a bulk entry whole.
     */
    List<org.apache.jena.sparql.core.Quad> about(String iri) {
        Revision held = patch.heldIfAny();
        if (held != null) {
            return (added ? held.added() : held.deleted()).stream().filter(q -> isAbout(q, iri)).toList();
        }
        Optional<List<org.apache.jena.sparql.core.Quad>> byMember = patch.rowsAboutByMember(iri, added);
        if (byMember.isPresent()) {
            return byMember.get();
        }
        List<org.apache.jena.sparql.core.Quad> out = new ArrayList<>();
        patch.forEachRow((side, q) -> {
            if (side == added && isAbout(q, iri)) {
                out.add(q);
            }
        });
        return out;
    }

    private static boolean isAbout(org.apache.jena.sparql.core.Quad q, String iri) {
        return q.getSubject().isURI() && q.getSubject().getURI().equals(iri);
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
        return patch.count(added); // the size alone never decodes the entry (a resource's history lists it)
    }
}
