package org.labourgraph.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's history: one RDF Patch file per committed change ({@code r000000042.patch} in the history folder beside
 * the TDB2 database; a bulk change's {@code r000000002.patch.gz}, compressed), or a list in memory for an in-memory store.
 *
 * <p>Atomic with the store without a second database: an entry is written and forced to disk inside the change's
 * write transaction, before TDB2 commits it. Writers are serialised by TDB2, so only the newest entry can lack its
 * change (the process died between the two). {@link #recover} decides that at open, from the store itself: an entry's
 * added quads were absent and its deleted quads present before it, and the reverse after — the store is its own
 * witness. An entry whose change did not commit is removed; so after any crash the history and the store agree.
 */
public final class ChangeLog implements RevisionLog {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);
    /** Where a dataset's log is found: the served dataset's context (shared by its wrappers). */
    static final Symbol KEY = Symbol.create("https://w3id.org/labourgraph/ontology#changeLog");
    private static final String SUFFIX = ".patch";
    private static final String GZIP = ".gz";

    private final Optional<Path> folder;
    private final List<Revision> published = new ArrayList<>();
    /**
     * Subject IRI → the revisions that changed statements about it, oldest first, for the first {@link #indexed}
     * published revisions; extended when asked. Every page's Memento links ask: scanning the revisions instead read a
     * bulk load's million quads (from its patch file once memory had dropped them) for every page rendered.
     */
    private final Map<String, List<Revision>> bySubject = new HashMap<>();
    private int indexed;
    private long written;
    /** Held while a commit becomes visible together with its entry, and while a reader takes a consistent snapshot. */
    private final Object visibility = new Object();
    /** Quads of the newest revision checked against the store at open (see {@link #recover}). */
    private static final int RECOVERY_SAMPLE = 1_000;

    /**
     * Written when the store closed with no transaction left: the newest revision then. Removed at open, so that
     * it never outlives the session that opens the store; while it names the newest entry, the crash rule has
     * nothing to decide.
     */
    public static final String CLOSED_CLEANLY = "closed-cleanly";
    /** The newest revision when the store was last closed cleanly, read (and removed) at open; -1 if not. */
    private long closedCleanlyAt = -1;

    private ChangeLog(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The history kept in {@code folder} (created if needed); entries are read at once. */
    public static ChangeLog open(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path stray : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.delete(stray); // an entry that was never renamed into place: its change never committed
                }
            }
            ChangeLog log = new ChangeLog(Optional.of(folder));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(ChangeLog::isEntry).sorted().toList()) {
                    boolean large = isCompressed(f) || Files.size(f) > StoredQuads.LAZY_BYTES; // compressed: a bulk change
                    log.published.add(large ? new StoredQuads.PatchFile(f).headersOnly() : StoredQuads.PatchFile.read(f));
                }
            }
            for (int i = 0; i < log.published.size(); i++) {
                if (log.published.get(i).number() != i + 1) {
                    throw new HistoryException("The history in " + folder + " has a gap: revision " + (i + 1)
                            + " is missing. Restore the folder from a backup, or move it away to start a new history.");
                }
            }
            log.written = log.published.size();
            log.closedCleanlyAt = takeCleanCloseMarker(folder);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the history folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Reads and removes the clean-close marker (durably, before anything can write); -1 if absent or unreadable. */
    private static long takeCleanCloseMarker(Path folder) throws IOException {
        Path marker = folder.resolve(CLOSED_CLEANLY);
        if (!Files.exists(marker)) {
            return -1;
        }
        long at;
        try {
            at = Long.parseLong(Files.readString(marker, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            at = -1; // not ours to trust: the crash rule runs
        }
        Files.delete(marker);
        forceDirectory(folder);
        return at;
    }

    /**
     * Records that the store closed with no transaction open and no write to come: the next open can skip the
     * crash rule while the newest entry is still this one. Call only once the store can no longer be written.
     */
    public synchronized void markClosedCleanly() {
        if (folder.isEmpty()) {
            return;
        }
        Path dir = folder.get();
        Path tmp = dir.resolve(CLOSED_CLEANLY + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(Long.toString(written).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(CLOSED_CLEANLY), StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } catch (IOException e) {
            // Only a shortcut is lost: the next open runs the crash rule.
            LOG.warn("Could not mark the history in {} as closed cleanly ({}); the next start checks it", dir, e.getMessage());
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    public static ChangeLog inMemory() {
        return new ChangeLog(Optional.empty());
    }

    /** The log of a served dataset, if it records its changes. */
    public static Optional<ChangeLog> of(DatasetGraph dataset) {
        return dataset.getContext().get(KEY) instanceof ChangeLog log ? Optional.of(log) : Optional.empty();
    }

    void attachTo(DatasetGraph dataset) {
        dataset.getContext().set(KEY, this);
    }

    /** The number of the newest committed revision (0: none yet). */
    @Override
    public synchronized long head() {
        return published.size();
    }

    /** Every committed revision, oldest first. */
    @Override
    public synchronized List<Revision> revisions() {
        return List.copyOf(published);
    }

    @Override
    public synchronized Optional<Revision> revision(long number) {
        return number >= 1 && number <= published.size() ? Optional.of(published.get((int) number - 1)) : Optional.empty();
    }

    /** The revisions that changed statements about {@code iri}, oldest first. */
    @Override
    public synchronized List<Revision> about(String iri) {
        for (; indexed < published.size(); indexed++) {
            Revision r = published.get(indexed);
            if (r.added() instanceof StoredQuads stored) {
                // A large entry (a bulk load) is streamed from its file rather than decoded whole.
                stored.forEachSubjectOfRevision(subject -> index(subject, r));
                continue;
            }
            for (List<Quad> quads : List.of(r.added(), r.deleted())) {
                for (Quad q : quads) {
                    if (q.getSubject().isURI()) {
                        index(q.getSubject().getURI(), r);
                    }
                }
            }
        }
        return List.copyOf(bySubject.getOrDefault(iri, List.of()));
    }

    private void index(String subject, Revision r) {
        List<Revision> about = bySubject.computeIfAbsent(subject, k -> new ArrayList<>(1));
        if (about.isEmpty() || about.get(about.size() - 1) != r) {
            about.add(r);
        }
    }

    /**
     * Runs {@code reader} in a read transaction on {@code dataset} with the head revision that matches what that
     * transaction sees (no commit can fall between the two).
     */
    public <T> T readConsistent(DatasetGraph dataset, Function<Long, T> reader) {
        long head;
        synchronized (visibility) {
            dataset.begin(ReadWrite.READ);
            head = head();
        }
        try {
            return reader.apply(head);
        } finally {
            dataset.end();
        }
    }

    /** The number the next entry gets. */
    synchronized long nextNumber() {
        return written + 1;
    }

    /** Writes an entry durably (forced to disk, renamed into place); called inside the change's write transaction. */
    synchronized void write(Revision r) {
        if (folder.isPresent()) {
            writeEntry(fileName(r.number()), r.number(), file -> PatchCodec.encode(r, file));
        } else {
            requireNext(r.number());
        }
        written = r.number();
    }

    /**
     * Makes {@code entry} (a bulk change's complete patch, gzip-compressed, see {@link SpilledRows}, forced to disk) the
     * entry of revision {@code number}: renamed into place when it is in the history folder, so its rows are written once; read into
     * memory for a log without a folder. Returns the revision, its quads read from the entry on demand.
     */
    synchronized Revision writeFromFile(long number, Path entry) {
        try {
            if (folder.isEmpty()) {
                Revision whole = StoredQuads.PatchFile.read(entry);
                write(whole);
                return whole;
            }
            Path dir = folder.get();
            Path target;
            if (dir.equals(entry.getParent())) {
                requireNext(number);
                target = dir.resolve(compressedFileName(number));
                Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(dir);
            } else {
                target = writeEntry(compressedFileName(number), number, file -> {
                    try {
                        Files.copy(entry, file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            written = number;
            return new StoredQuads.PatchFile(target).headersOnly();
        } catch (IOException e) {
            throw new HistoryException("Cannot make " + entry + " the history entry of revision " + number + ": " + e.getMessage()
                    + ". The change was not made. Check the disk space and permissions of the store folder.", e);
        }
    }

    private void requireNext(long number) {
        if (number != written + 1) {
            throw new IllegalStateException("revision " + number + " written after " + written);
        }
    }

    /** The entry file {@code name} of revision {@code number}: written to a temporary file, forced to disk, renamed into place. */
    private Path writeEntry(String name, long number, java.util.function.Consumer<java.io.OutputStream> body) {
        requireNext(number);
        Path dir = folder.orElseThrow();
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                java.io.OutputStream file = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
                body.accept(file);
                file.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir); // the rename itself is durable
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new HistoryException("Cannot write the history entry " + target + ": " + e.getMessage()
                    + ". The change was not made. Check the disk space and permissions of " + dir + ".", e);
        }
    }

    /** Runs the store's commit and makes the entry visible with it. */
    void commitVisibly(Runnable commit, Revision r) {
        synchronized (visibility) {
            commit.run();
            synchronized (this) {
                published.add(r);
            }
        }
    }

    /** Removes an entry whose change did not commit (the commit failed after the entry was written). */
    synchronized void discard(Revision r) {
        if (written != r.number()) {
            return;
        }
        if (folder.isPresent()) {
            try {
                Files.deleteIfExists(folder.get().resolve(fileName(r.number())));
                Files.deleteIfExists(folder.get().resolve(compressedFileName(r.number())));
            } catch (IOException e) {
                LOG.warn("Cannot remove the history entry of the failed change {}: {}; it is removed at the next start",
                        r.number(), e.getMessage());
            }
        }
        written = r.number() - 1;
    }

    /**
     * The crash rule, run once when the store opens and before anything writes: if the newest entry's change is
     * not in the store (its added quads absent, its deleted quads present), the process died between the two, and
     * the entry is removed.
     */
    public synchronized void recover(DatasetGraph store) {
        if (published.isEmpty()) {
            return;
        }
        Revision last = published.get(published.size() - 1);
        if (closedCleanlyAt == last.number()) {
            LOG.debug("History: closed cleanly at revision {}; nothing to check", last.number());
            return;
        }
        // A commit lands whole or not at all, so a sample decides between the two; reading every quad of a bulk
        // import of millions would make each start as slow as the import.
        Revision checked = last.added() instanceof StoredQuads stored ? stored.sample(RECOVERY_SAMPLE) : last;
        boolean applied = Txn.calculateRead(store, () -> isApplied(store, checked));
        if (!applied) {
            LOG.warn("History: revision {} ({}) never committed to the store (the server stopped between the two); removed",
                    last.number(), last.message());
            published.remove(published.size() - 1);
            bySubject.clear();
            indexed = 0;
            written = last.number(); // so discard() accepts it
            discard(last);
        }
    }

    private static boolean isApplied(DatasetGraph store, Revision r) {
        long present = r.added().stream().filter(q -> contains(store, q)).count();
        long gone = r.deleted().stream().filter(q -> !contains(store, q)).count();
        long total = r.added().size() + r.deleted().size();
        if (present + gone == total) {
            return true;
        }
        if (present + gone != 0) {
            LOG.warn("History: revision {} is only partly in the store ({} of {} changes): the store was changed by"
                    + " other means since; the entry is kept", r.number(), present + gone, total);
            return true;
        }
        return false;
    }

    private static boolean contains(DatasetGraph store, Quad q) {
        return store.contains(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    private static boolean isEntry(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith("r") && (name.endsWith(SUFFIX) || name.endsWith(SUFFIX + GZIP));
    }

    private static boolean isCompressed(Path f) {
        return f.getFileName().toString().endsWith(GZIP);
    }

    private static String fileName(long number) {
        return String.format("r%09d%s", number, SUFFIX);
    }

    /** A bulk change's entry: gzip-compressed as written (see {@link SpilledRows}); {@code zcat} reads it. */
    private static String compressedFileName(long number) {
        return fileName(number) + GZIP;
    }

    /** Where the entries live (empty for an in-memory store). */
    public Optional<Path> folder() {
        return folder;
    }
}
