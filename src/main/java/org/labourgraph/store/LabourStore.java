package org.labourgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.ChangeLog;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceSet;
import org.labourgraph.vocab.LG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TDB2 store with its Lucene text index. Each source file is its own named graph; the default graph
 * that queries see is the union of the named graphs, which include the entailment graph. Every change is
 * one transaction: it all lands, or the store is exactly as before.
 */
public final class LabourStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabourStore.class);
    public static final String ENTAILMENT_GRAPH = LG.ENTAILMENT_GRAPH;

    private final DatasetGraph dataset;
    /** The text-indexed TDB2 under the recorder: derived data (entailments) is written here, unrecorded. */
    private final DatasetGraph text;
    private final DatasetGraph tdb;
    private final PrivateStore privateStore;
    private final Optional<Path> directory;
    private final DatasetGraph curatorView;
    private StoreState inMemoryState;
    private final QuadCount quadCount;
    /** Set by a bulk import whose entailments are already current for its transaction: the commit skips the refresh. */
    private final ThreadLocal<Boolean> entailmentsCurrent = ThreadLocal.withInitial(() -> false);
    /** A change of more than 1/FULL_REFRESH_SHARE of the store's quads recomputes the entailments in full. */
    private static final long FULL_REFRESH_SHARE = 5;
    private final java.util.concurrent.atomic.AtomicLong fullRefreshes = new java.util.concurrent.atomic.AtomicLong();

    private LabourStore(DatasetGraph tdb, Directory textDirectory, PrivateStore privateStore, Optional<Path> directory) {
        this.tdb = tdb;
        this.text = TextIndexLayout.indexed(tdb, textDirectory);
        // Every change through dataset() is recorded in the history, atomically with its commit (history/ChangeLog).
        ChangeLog log = directory.map(d -> ChangeLog.open(d.resolve("history"))).orElseGet(ChangeLog::inMemory);
        log.recover(text);
        RecordingDataset recorded = new RecordingDataset(text, log, iri(ENTAILMENT_GRAPH));
        recorded.addPreCommit((store, changes, who) -> {
            if (entailmentsCurrent.get()) {
                entailmentsCurrent.remove(); // the bulk import kept them up to date itself, quad by quad
            } else {
                updateEntailments(changes);
            }
            // Cached pages of the resources the change leaves alone stay valid (see ChangeMarker#unchangedSince).
            ChangeMarker marker = ChangeMarker.of(recorded);
            TouchedResources.of(text, iri(ENTAILMENT_GRAPH), changes).ifPresent(marker::touching);
        });
        this.dataset = recorded;
        this.quadCount = new QuadCount(tdb, recorded);
        this.privateStore = privateStore;
        this.directory = directory;
        // The TDB2 databases themselves (not the text-indexed wrapper): reads only, no index needed.
        this.curatorView = new CuratorDataset(tdb, privateStore.dataset());
        // Count every committed write from now on (dumps, dataset description and their ETags follow it).
        ChangeMarker.of(this.dataset);
        ClosuresAtQueryTime.installOn(tdb, iri(ENTAILMENT_GRAPH), text, curatorView);
    }

    /** Opens (creating if needed) the store in {@code dir}: TDB2 in dir/tdb2, the text index in dir/text. */
    public static LabourStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the store folder " + dir + ": " + e.getMessage()
                    + ". Choose a writable folder with --store DIR.", e);
        }
        DatasetGraph tdb;
        try {
            tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2")));
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the store in " + dir + ": " + e.getMessage()
                    + ". If a labourgraph server is running on this store, stop it, or send the data through"
                    + " the server (labourgraph load --server URL --user NAME FILE…).", e);
        }
        SpilledTriples.removeLeftovers(dir);
        try {
            Directory text = FSDirectory.open(dir.resolve("text"));
            LabourStore store = new LabourStore(tdb, text, PrivateStore.open(dir.resolve("private")), Optional.of(dir));
            // Asked only of a store without the marker: counting every quad at each start took half a second at 10^6.
            ClosuresAtQueryTime.dropStoredOnce(dir, () -> store.quadCount.atLeast(1),
                    () -> Txn.executeWrite(store.text, store::refreshEntailments));
            return store;
        } catch (IOException e) {
            throw new StoreException("Cannot open the text index in " + dir.resolve("text") + ": " + e.getMessage(), e);
        }
    }

    /** An in-memory store with the same behaviour (TDB2 in memory, index in memory): for tests and tools. */
    public static LabourStore inMemory() {
        return new LabourStore(DatabaseMgr.createDatasetGraph(), new ByteBuffersDirectory(), PrivateStore.inMemory(), Optional.empty());
    }

    /** The dataset to serve and query: text-indexed, union default graph. */
    public DatasetGraph dataset() {
        return dataset;
    }

    public Optional<Path> directory() {
        return directory;
    }

    /**
     * Loads ontology/ and data/ when the store is new or their content changed (by content hash); otherwise
     * does nothing. All files are parsed before the transaction starts: a syntax error anywhere leaves the
     * store untouched.
     */
    public SyncResult syncSources(SourceSet sources) throws RdfSyntaxException {
        long start = System.nanoTime();
        Optional<SourceGraphs> pending = SourceGraphs.pending(sources, state());
        if (pending.isEmpty()) {
            LOG.debug("Sources unchanged: nothing to load");
            return new SyncResult(false, 0, 0, 0, Duration.ofNanos(System.nanoTime() - start));
        }
        SourceGraphs write = pending.get();
        long parsed = System.nanoTime();
        Attribution loader = Attribution.bound().orElse(new Attribution("labourgraph",
                "Loaded ontology/ and data/ (" + write.files() + " files)", Attribution.Channel.LOCAL));
        loader.during(() -> WriteTransaction.run(dataset, () -> write.writeInto(dataset)));  // entailments follow at commit
        long entailed = entailedCount();
        LOG.debug("Parsed in {} ms, wrote with entailments in {} ms", (parsed - start) / 1_000_000,
                (System.nanoTime() - parsed) / 1_000_000);
        saveState(write.state());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Loaded {} source files: {} triples, {} entailed, in {} ms", write.files(), write.triples(), entailed, took.toMillis());
        return new SyncResult(true, write.files(), write.triples(), entailed, took);
    }

    /**
     * Imports parsed graphs into their named graphs in one transaction (each replaces or adds to its graph),
     * then refreshes the entailments. Either all of it lands or none.
     */
    public ImportResult importGraphs(Map<String, Graph> graphs, boolean replace) {
        return importParsed(graphs, replace, Optional.empty());
    }

    /**
     * The same, and ontology/ and data/ of {@code sources} written in the same transaction when the store does not
     * already hold them, so the next start has nothing to load. A syntax error in a source writes nothing.
     */
    public ImportResult importGraphs(Map<String, Graph> graphs, boolean replace, Optional<SourceSet> sources)
            throws RdfSyntaxException {
        return importParsed(graphs, replace, pendingSources(sources));
    }

    private ImportResult importParsed(Map<String, Graph> graphs, boolean replace, Optional<SourceGraphs> pending) {
        VisibilityGuard.requirePublic(graphs);
        long start = System.nanoTime();
        long[] counts = new long[2];
        Attribution importer = Attribution.bound().orElse(new Attribution(System.getProperty("user.name", "labourgraph"),
                "labourgraph load: " + String.join(", ", graphs.keySet()), Attribution.Channel.LOCAL));
        importer.during(() -> WriteTransaction.run(dataset, () -> {
            pending.ifPresent(write -> write.writeInto(dataset));
            graphs.forEach((g, content) -> {
                if (replace) {
                    replaceGraph(g, content);
                } else {
                    addToGraph(g, content);
                }
                counts[0] += content.size();
            });
        }));  // the entailments are refreshed as the change commits
        pending.ifPresent(write -> saveState(write.state()));
        counts[1] = entailedCount();
        return new ImportResult(graphs.size(), counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start),
                pending.map(SourceGraphs::files).orElse(0), 0);
    }

    /**
     * Imports large Turtle / N-Triples files by streaming them from disk (text index and entailments included),
     * in one transaction: all of it lands or none. Memory stays flat whatever the size; {@code progress} is told
     * the number of triples read so far.
     */
    public ImportResult importFiles(List<FileImport> files, boolean replace, java.util.function.LongConsumer progress)
            throws RdfSyntaxException {
        return importFiles(files, replace, Optional.empty(), progress);
    }

    /**
     * The same, and ontology/ and data/ of {@code sources} written first in the same transaction when the store does
     * not already hold them. Into an empty store their entailments are computed before the files stream (a few
     * thousand triples), so the files' entailments still follow triple by triple with the ontology's rules.
     */
    public ImportResult importFiles(List<FileImport> files, boolean replace, Optional<SourceSet> sources,
                                    java.util.function.LongConsumer progress) throws RdfSyntaxException {
        Optional<SourceGraphs> pending = pendingSources(sources);
        boolean intoEmptyStore = !quadCount.atLeast(1);
        long start = System.nanoTime();
        List<StreamingImport.FileIntoGraph> plan = files.stream()
                .map(f -> new StreamingImport.FileIntoGraph(f.file(), f.lang(), f.graph())).toList();
        StreamingImport.Counts[] counts = new StreamingImport.Counts[1];
        long[] writesDone = {0};
        Attribution importer = Attribution.bound().orElse(new Attribution(System.getProperty("user.name", "labourgraph"),
                "labourgraph load: " + String.join(", ", plan.stream().map(StreamingImport.FileIntoGraph::graph).toList()),
                Attribution.Channel.LOCAL));
        try {
            // Through the recorder, like every change: the import is one revision of the history.
            importer.during(() -> WriteTransaction.run(dataset, () -> {
                // Millions of rows: the revision is written from a file as the import goes, never held in memory.
                ((RecordingDataset) dataset).recordRowsOnDisk(directory.map(d -> d.resolve("history")).orElse(spillFolder()));
                pending.ifPresent(write -> write.writeInto(dataset));
                // New sources change the rules: in an empty store, derive from them now (cheap) and follow the files
                // triple by triple; over existing data, recompute once the files are in.
                boolean refreshAtEnd = pending.isPresent() && !intoEmptyStore;
                if (pending.isPresent() && intoEmptyStore) {
                    refreshEntailments();
                }
                try {
                    counts[0] = StreamingImport.run(text, dataset, iri(ENTAILMENT_GRAPH), plan, replace || refreshAtEnd,
                            spillFolder(), progress);
                    writesDone[0] = System.nanoTime();
                    // Refreshing them again before the commit would redo, over the whole store, what the import did.
                    entailmentsCurrent.set(true);
                } catch (RdfSyntaxException e) {
                    throw new StreamingImport.SyntaxErrorInTransaction(e);
                }
            }));
        } catch (StreamingImport.SyntaxErrorInTransaction e) {
            throw e.error;
        } finally {
            entailmentsCurrent.remove();
        }
        LOG.debug("Import: writes in the transaction {} ms; commit (pre-commit steps, history, text index, TDB2) {} ms",
                (writesDone[0] - start) / 1_000_000, (System.nanoTime() - writesDone[0]) / 1_000_000);
        pending.ifPresent(write -> saveState(write.state()));
        int merged = TextIndexLayout.mergeAfterImport(text, counts[0].triples());
        return new ImportResult(plan.size(), counts[0].triples(), entailedCount(), Duration.ofNanos(System.nanoTime() - start),
                pending.map(SourceGraphs::files).orElse(0), merged);
    }

    private Optional<SourceGraphs> pendingSources(Optional<SourceSet> sources) throws RdfSyntaxException {
        return sources.isEmpty() ? Optional.empty() : SourceGraphs.pending(sources.get(), state());
    }

    /** A file to import and its named graph; {@code lang} must be Turtle or N-Triples. */
    public record FileImport(Path file, org.apache.jena.riot.Lang lang, String graph) {}

    private Path spillFolder() {
        return directory.orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Imports graphs visible only to curators into the private store, in one transaction there; the public
     * database does not change.
     */
    public ImportResult importPrivateGraphs(Map<String, Graph> graphs, boolean replace) {
        long start = System.nanoTime();
        long entailed = privateStore.importBeside(dataset, iri(ENTAILMENT_GRAPH), graphs, replace);
        long triples = graphs.values().stream().mapToLong(Graph::size).sum();
        return new ImportResult(graphs.size(), triples, entailed, Duration.ofNanos(System.nanoTime() - start), 0, 0);
    }

    /**
     * What a curator sees: the public and the private named graphs together, the default graph their union;
     * read-only and live (see {@link CuratorDataset}). Never served to the public.
     */
    public DatasetGraph curatorView() {
        return curatorView;
    }

    /** Number of quads in the private store. */
    public long privateQuadCount() {
        return privateStore.quadCount();
    }

    /**
     * Total number of quads in the store (all named graphs, entailments included). Counted on TDB2's primary
     * index, so no node is decoded: milliseconds at 10^5 quads, about a second at 10^7 (start-up reads it).
     */
    public long quadCount() {
        return quadCount.sinceLastCommit();
    }

    private void replaceGraph(String graphIri, Graph content) {
        Node g = iri(graphIri);
        dataset.removeGraph(g);
        content.find().forEachRemaining(t -> dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    private void addToGraph(String graphIri, Graph content) {
        Node g = iri(graphIri);
        content.find().forEachRemaining(t -> dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** The history of the store's changes. */
    public ChangeLog history() {
        return ((RecordingDataset) dataset).log();
    }

    private long entailedCount() {
        return Txn.calculateRead(text, () -> text.getGraph(iri(ENTAILMENT_GRAPH)).size());
    }

    /**
     * Brings the entailment graph up to date with a change, inside its write transaction, just before it commits, on
     * the dataset under the recorder (derived data is not history). A change of ordinary data is followed from what
     * it touched ({@link IncrementalEntailments}); a change of the schema, or one as large as a good part of the
     * store, is followed by a recompute of the whole graph, which then costs less than the change's own lookups.
     */
    private void updateEntailments(RecordingDataset.ChangeSet changes) {
        long size = changes.added().size() + changes.deleted().size();
        if (size == 0 || IncrementalEntailments.needsFullRefresh(changes.added(), changes.deleted())
                || !quadCount.atLeast(size * FULL_REFRESH_SHARE + 1)) {
            long entailed = refreshEntailments();
            LOG.debug("Entailments recomputed in full after a change of {} quads: {} entailed", size, entailed);
            fullRefreshes.incrementAndGet();
        } else {
            // The rules' writes are held and only their net difference reaches TDB2 (a pair taken out, then put back, never does).
            BufferedEntailmentWrites buffered = new BufferedEntailmentWrites(text);
            IncrementalEntailments.apply(buffered, iri(ENTAILMENT_GRAPH), changes.added(), changes.deleted(), true);
            buffered.flush();
            IncrementalEntailments.Counts counts = buffered.written();
            LOG.debug("Entailments followed a change of {} quads: +{} -{}", size, counts.added(), counts.removed());
        }
    }

    /** How many times the whole entailment graph was recomputed since the store opened (start-up checks read it). */
    public long fullEntailmentRefreshes() {
        return fullRefreshes.get();
    }

    /** Recomputes the entailment graph from every other named graph. */
    private long refreshEntailments() {
        // Computed against the store, not a copy of it in memory: this runs on every change, at any size.
        return StreamingEntailments.refresh(text, iri(ENTAILMENT_GRAPH), spillFolder());
    }

    private Optional<StoreState> state() {
        return directory.isPresent() ? StoreState.read(directory.get()) : Optional.ofNullable(inMemoryState);
    }

    private void saveState(StoreState state) {
        if (directory.isPresent()) {
            state.write(directory.get());
        } else {
            inMemoryState = state;
        }
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    @Override
    public void close() {
        privateStore.close();
        dataset.close();
        if (directory.isEmpty()) {
            return;
        }
        // Writers blocked for good before the marker: with none active, every history entry's change is committed,
        // whatever readers are left (a start-up warm-up, a slow request), so the next start can skip the crash rule.
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(tdb);
        boolean writersBlocked = coordinator != null && coordinator.tryBlockWriters();
        if (writersBlocked) {
            history().markClosedCleanly();
        }
        // Release the folder's lock now, so another process (or a test) can open it.
        try {
            TDBInternal.expel(tdb);
        } catch (TransactionException e) {
            // A reader still running: its read transaction changes nothing, and the folder's lock is released when
            // the process ends. The connection stays cached in this JVM: a later open of the folder may write again
            // (a newer entry than the marker's, so the crash rule then runs).
            LOG.debug("Store closed with readers still active: {}", e.getMessage());
            if (writersBlocked) {
                coordinator.enableWriters();
            }
        }
    }

    /**
     * Compacts the public and the private TDB2 databases and removes their old generations (see {@link StoreCompaction});
     * run on a store no server has open. {@code progress} is told the bytes the new generation holds so far.
     */
    public Compacted compact(java.util.function.Consumer<Long> progress) {
        Path dir = directory.orElseThrow(() -> new StoreException("An in-memory store has nothing to compact."));
        long start = System.nanoTime();
        int merged = TextIndexLayout.mergeSegments(text, 1);
        StoreCompaction.Sizes databases = StoreCompaction.run(List.of(new StoreCompaction.Database(tdb, dir.resolve("tdb2")),
                new StoreCompaction.Database(privateStore.dataset(), dir.resolve("private").resolve("tdb2"))), progress);
        return new Compacted(databases.bytesBefore(), databases.bytesAfter(), Duration.ofNanos(System.nanoTime() - start), merged);
    }

    /** What a compaction did: bytes of the databases' folders before and after; text index segments merged into one (0: none). */
    public record Compacted(long bytesBefore, long bytesAfter, Duration took, int textSegmentsMerged) {}

    /** What a start-up sync did. */
    public record SyncResult(boolean loaded, int files, long triples, long entailed, Duration took) {}

    /**
     * What an import did; {@code sourceFiles}: how many ontology/ and data/ files it wrote along (0 when the store held
     * them); {@code textSegmentsMerged}: how many segments of the text index it merged into one afterwards (0: none).
     */
    public record ImportResult(int graphs, long triples, long entailed, Duration took, int sourceFiles, int textSegmentsMerged) {}
}
