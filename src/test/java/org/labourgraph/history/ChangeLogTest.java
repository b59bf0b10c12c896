package org.labourgraph.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history's files and its crash rule, without a server. */
class ChangeLogTest {
    static final Node G = NodeFactory.createURI("urn:test:g");
    static final Node S = NodeFactory.createURI("urn:test:s");
    static final Node P = NodeFactory.createURI("urn:test:p");

    @TempDir
    Path dir;

    @Test
    void a_committed_change_is_one_rdf_patch_file_read_back_with_its_author_message_and_rows() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Node blank = NodeFactory.createBlankNode();
        new Attribution("ada", "first — with a dash", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
            store.add(G, S, P, NodeFactory.createLiteralLang("un", "fr"));
            store.add(G, S, P, blank);
            store.add(G, S, P, NodeFactory.createLiteralString("gone again"));
            store.delete(G, S, P, NodeFactory.createLiteralString("gone again"));
            store.add(NodeFactory.createURI("urn:test:derived"), S, P, S); // derived: not history
        }));
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralLang("un", "fr"))); // no change: no revision
        assertEquals(1, store.log().head());
        ChangeLog reread = ChangeLog.open(dir);
        Revision r = reread.revision(1).orElseThrow();
        assertEquals("ada", r.author());
        assertEquals("first — with a dash", r.message());
        assertEquals(2, r.added().size(), r.added().toString());
        assertTrue(r.added().contains(Quad.create(G, S, P, blank)), "blank nodes keep their label");
        assertTrue(Files.exists(dir.resolve("r000000001.patch")));
    }

    @Test
    void the_revisions_about_a_resource_are_those_that_changed_its_statements_before_and_after_a_reopen() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Node other = NodeFactory.createURI("urn:test:other");
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralString("one")));
        Txn.executeWrite(store, () -> store.add(G, other, P, S)); // about other: S only as object
        assertEquals(List.of(1L), numbers(store.log().about(S.getURI())), "asked once: indexed up to revision 2");
        Txn.executeWrite(store, () -> {
            store.delete(G, S, P, NodeFactory.createLiteralString("one"));
            store.add(G, S, P, NodeFactory.createLiteralString("two"));
            store.add(G, other, P, NodeFactory.createLiteralString("too"));
        });
        assertEquals(List.of(1L, 3L), numbers(store.log().about(S.getURI())), "a revision listed once though it made two changes");
        assertEquals(List.of(2L, 3L), numbers(store.log().about(other.getURI())));
        assertEquals(List.of(), store.log().about("urn:test:never"));
        ChangeLog reread = ChangeLog.open(dir);
        assertEquals(List.of(1L, 3L), numbers(reread.about(S.getURI())));
        for (String iri : List.of(S.getURI(), other.getURI())) {
            assertEquals(numbers(reread.revisions().stream().filter(r -> r.touches(iri)).toList()), numbers(reread.about(iri)),
                    "the index answers as a scan of every revision does");
        }
    }

    private static List<Long> numbers(List<Revision> revisions) {
        return revisions.stream().map(Revision::number).toList();
    }

    @Test
    void a_bulk_change_is_written_once_compressed_its_rows_file_becomes_the_entry_with_its_commit_time() throws Exception {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralString("before")));
        Object[] rowsFile = new Object[1];
        Instant started = Instant.now();
        new Attribution("ada", "bulk import", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
            store.recordRowsOnDisk(dir);
            for (int i = 0; i < 1_000; i++) {
                store.add(G, S, P, NodeFactory.createLiteralString("row " + i));
            }
            try (var files = Files.list(dir)) {
                Path rows = files.filter(f -> f.getFileName().toString().startsWith("rows-")).findFirst().orElseThrow();
                rowsFile[0] = Files.readAttributes(rows, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        Instant ended = Instant.now();

        Path entry = dir.resolve("r000000002.patch.gz");
        assertEquals(rowsFile[0], Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class).fileKey(),
                "the entry is the rows file itself, renamed: its rows were not copied");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count());
        }
        Revision r = ChangeLog.open(dir).revision(2).orElseThrow();
        assertEquals("ada", r.author());
        assertEquals("bulk import", r.message());
        assertEquals(1_000, r.added().size());
        assertTrue(!r.time().isBefore(started) && !r.time().isAfter(ended), "the commit time, not a placeholder: " + r.time());
        org.apache.jena.rdfpatch.RDFPatch patch = org.apache.jena.rdfpatch.RDFPatchOps.read(entry.toString());
        assertEquals(PatchCodec.id(1), patch.getPrevious(), "an RDF Patch any tool reads, chained to revision 1");
        String text;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(entry))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(text.startsWith("H id <urn:labourgraph:revision:2> ."), "plain gzip reads the headers first: " + text.lines().findFirst());
        assertTrue(text.contains("\"" + r.time() + "\"^^"), "the commit time is in the headers as written");
        assertEquals(1_000, text.lines().filter(line -> line.startsWith("A ")).count());
        assertTrue(Files.size(entry) * 5 < text.length(), "compressed: " + Files.size(entry) + " bytes for " + text.length());
    }

    @Test
    void an_entry_whose_change_never_committed_is_removed_at_open_and_a_committed_one_kept() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralString("kept")));
        // The process died after writing entry 2 and before TDB2 committed its change: the store lacks it.
        ChangeLog log = ChangeLog.open(dir);
        log.write(new Revision(2, Instant.now(), "ada", "lost in the crash",
                List.of(Quad.create(G, S, P, NodeFactory.createLiteralString("never committed"))), List.of()));
        ChangeLog afterCrash = ChangeLog.open(dir);
        assertEquals(2, afterCrash.head());
        afterCrash.recover(tdb);
        assertEquals(1, afterCrash.head());
        assertEquals(1, ChangeLog.open(dir).head(), "the file is gone");
        ChangeLog again = ChangeLog.open(dir);
        again.recover(tdb);
        assertEquals(1, again.head(), "a committed entry is kept");
    }

    @Test
    void a_clean_close_spares_the_next_open_the_crash_rule_once_and_only_while_no_entry_came_after() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralString("kept")));
        store.log().markClosedCleanly();
        assertTrue(Files.exists(dir.resolve(ChangeLog.CLOSED_CLEANLY)));

        // Opened after the clean close: the marker is taken, and the newest entry, the one it names, is not checked.
        ChangeLog reopened = ChangeLog.open(dir);
        assertTrue(Files.notExists(dir.resolve(ChangeLog.CLOSED_CLEANLY)), "the marker lasts one open");
        reopened.recover(DatabaseMgr.createDatasetGraph()); // a store without the change: the rule would remove the entry
        assertEquals(1, reopened.head(), "not checked after a clean close");

        // That session dies after writing entry 2, before its commit: no marker now, so the rule runs and removes it.
        reopened.write(new Revision(2, Instant.now(), "ada", "lost in the crash",
                List.of(Quad.create(G, S, P, NodeFactory.createLiteralString("never committed"))), List.of()));
        ChangeLog afterCrash = ChangeLog.open(dir);
        afterCrash.recover(tdb);
        assertEquals(1, afterCrash.head());
    }

    @Test
    void a_marker_naming_an_older_revision_does_not_spare_the_newest_entry() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Txn.executeWrite(store, () -> store.add(G, S, P, NodeFactory.createLiteralString("kept")));
        store.log().markClosedCleanly();
        // A writer's entry landed after the marker (its change never committed): the marker names revision 1 only.
        store.log().write(new Revision(2, Instant.now(), "ada", "after the marker",
                List.of(Quad.create(G, S, P, NodeFactory.createLiteralString("never committed"))), List.of()));
        ChangeLog next = ChangeLog.open(dir);
        next.recover(tdb);
        assertEquals(1, next.head(), "entry 2 checked and removed");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "rows written to disk as they come (a compressed entry): {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void a_large_revision_is_read_from_its_file_only_when_asked_and_the_crash_rule_still_holds(boolean spilled) throws Exception {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        int n = 30_000; // a patch of about 3 MiB: past StoredQuads.LAZY_BYTES
        Path entry = dir.resolve(spilled ? "r000000001.patch.gz" : "r000000001.patch");
        new Attribution("ada", "bulk", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
            if (spilled) {
                store.recordRowsOnDisk(dir);
            }
            for (int i = 0; i < n; i++) {
                store.add(G, NodeFactory.createURI("urn:test:s" + i), P, NodeFactory.createLiteralString("value number " + i));
            }
        }));
        assertTrue(spilled || Files.size(entry) > StoredQuads.LAZY_BYTES);
        ChangeLog reread = ChangeLog.open(dir);
        Revision r = reread.revision(1).orElseThrow();
        assertTrue(r.added() instanceof StoredQuads, "opened without reading the rows");
        assertEquals("ada", r.author());
        assertEquals("bulk", r.message());
        assertEquals(n, r.added().size());
        assertTrue(r.added().contains(Quad.create(G, NodeFactory.createURI("urn:test:s" + (n - 1)), P,
                NodeFactory.createLiteralString("value number " + (n - 1)))));
        assertEquals(List.of("urn:test:s7"), reread.about("urn:test:s7").stream()
                .flatMap(x -> x.addedAbout("urn:test:s7").stream()).map(q -> q.getSubject().getURI()).toList());
        reread.recover(tdb);
        assertEquals(1, reread.head(), "committed: kept, from a sample of its rows");
        // The same entry over a store that never got the change: removed, as for a small one.
        ChangeLog overEmpty = ChangeLog.open(dir);
        overEmpty.recover(DatabaseMgr.createDatasetGraph());
        assertEquals(0, overEmpty.head());
        assertTrue(Files.notExists(entry));
    }

    @Test
    void large_revisions_are_indexed_by_subject_from_their_files_on_both_sides() throws Exception {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        int n = 30_000; // each entry past StoredQuads.LAZY_BYTES
        for (boolean add : new boolean[] {true, false}) {
            new Attribution("ada", add ? "bulk in" : "bulk out", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
                for (int i = 0; i < n; i++) {
                    Quad q = Quad.create(G, NodeFactory.createURI("urn:test:s" + i), P, NodeFactory.createLiteralString("value " + i));
                    if (add) {
                        store.add(q);
                    } else {
                        store.delete(q);
                    }
                }
            }));
        }
        ChangeLog reread = ChangeLog.open(dir);
        assertTrue(reread.revision(2).orElseThrow().deleted() instanceof StoredQuads, "read from its file");
        assertEquals(List.of(1L, 2L), reread.about("urn:test:s29999").stream().map(Revision::number).toList());
        assertEquals(List.of(1L, 2L), reread.about("urn:test:s0").stream().map(Revision::number).toList());
        assertEquals(List.of(), reread.about("urn:test:s30000"));
        Quad fifth = Quad.create(G, NodeFactory.createURI("urn:test:s5"), P, NodeFactory.createLiteralString("value 5"));
        assertEquals(List.of(fifth), reread.revision(1).orElseThrow().addedAbout("urn:test:s5"), "streamed from the file");
        assertEquals(List.of(fifth), reread.revision(2).orElseThrow().deletedAbout("urn:test:s5"));
        assertEquals(List.of(), reread.revision(2).orElseThrow().addedAbout("urn:test:s5"));
    }

    @Test
    void a_bulk_entry_is_written_in_gzip_members_and_a_resource_s_rows_are_read_from_the_members_that_hold_them() throws Exception {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        int rows = 3 * SpilledRows.ROWS_PER_MEMBER;
        Node scattered = NodeFactory.createURI("urn:test:scattered");
        new Attribution("ada", "bulk import", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
            store.recordRowsOnDisk(dir);
            store.add(G, scattered, P, NodeFactory.createLiteralString("first row"));
            for (int i = 1; i < rows - 1; i++) {
                store.add(G, NodeFactory.createURI("urn:test:s" + i), P, NodeFactory.createLiteralString("row " + i));
            }
            store.add(G, scattered, P, NodeFactory.createLiteralString("last row"));
        }));
        Path entry = dir.resolve("r000000001.patch.gz");
        List<GzipMembers.Member> members = new java.util.ArrayList<>();
        GzipMembers.forEach(entry, Integer.MAX_VALUE, (member, text) -> members.add(member));
        assertEquals(5, members.size(), "the headers, " + SpilledRows.ROWS_PER_MEMBER + " rows to a member, then the commit row");

        ChangeLog reread = ChangeLog.open(dir);
        Revision r = reread.revision(1).orElseThrow();
        StoredQuads added = (StoredQuads) r.added();
        assertEquals(java.util.Optional.empty(), added.membersAbout(scattered.getURI()), "not indexed before the history is asked");
        assertEquals(List.of(1L), numbers(reread.about(scattered.getURI())));
        assertEquals(List.of(members.get(1), members.get(3)), added.membersAbout(scattered.getURI()).orElseThrow(),
                "only the first and the last member of rows hold it");
        assertEquals(List.of(members.get(2)), added.membersAbout("urn:test:s" + (SpilledRows.ROWS_PER_MEMBER + 5)).orElseThrow());
        assertEquals(List.of(Quad.create(G, scattered, P, NodeFactory.createLiteralString("first row")),
                Quad.create(G, scattered, P, NodeFactory.createLiteralString("last row"))), r.addedAbout(scattered.getURI()));
        assertEquals(List.of(), r.deletedAbout(scattered.getURI()));
        assertEquals(List.of(), r.addedAbout("urn:test:never"));
        assertEquals(rows, r.added().size());
        assertEquals(rows, r.loaded().added().size(), "and the whole entry still reads as one RDF Patch");
    }

    @Test
    void a_bulk_change_writes_its_rows_to_disk_as_it_goes_and_they_make_the_revision() throws Exception {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        RecordingDataset store = new RecordingDataset(tdb, ChangeLog.open(dir), NodeFactory.createURI("urn:test:derived"));
        Node one = NodeFactory.createLiteralString("one");
        Node two = NodeFactory.createLiteralString("two");
        new Attribution("ada", "bulk import", Attribution.Channel.LOCAL).during(() -> Txn.executeWrite(store, () -> {
            store.recordRowsOnDisk(dir);
            store.add(G, S, P, one);
            store.add(G, S, P, two);
            store.add(G, S, P, two); // already there: no row
            store.add(NodeFactory.createURI("urn:test:derived"), S, P, S); // derived: not history
        }));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("r000000001.patch.gz"), files.map(f -> f.getFileName().toString()).toList(), "the rows file is gone");
        }
        Revision r = ChangeLog.open(dir).revision(1).orElseThrow();
        assertEquals("bulk import", r.message());
        assertEquals(List.of(Quad.create(G, S, P, one), Quad.create(G, S, P, two)), r.added());
        assertEquals(List.of(), r.deleted());
        // An aborted bulk change leaves neither an entry nor its rows.
        store.begin(org.apache.jena.query.ReadWrite.WRITE);
        store.recordRowsOnDisk(dir);
        store.add(G, S, P, NodeFactory.createLiteralString("aborted"));
        store.abort();
        store.end();
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertEquals(1, ChangeLog.open(dir).head());
    }
}
