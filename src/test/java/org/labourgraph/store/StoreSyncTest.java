package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceSet;

/** Start-up loading: new store loads, unchanged sources load nothing, a changed file reloads, a broken one changes nothing. */
class StoreSyncTest {
    @TempDir
    Path tmp;

    @Test
    void an_unchanged_restart_loads_nothing_and_a_changed_file_reloads() throws Exception {
        Path project = copyOfProject();
        Path storeDir = tmp.resolve("store");
        long firstCount;
        try (LabourStore store = LabourStore.open(storeDir)) {
            LabourStore.SyncResult first = store.syncSources(SourceSet.discover(project));
            assertTrue(first.loaded());
            assertTrue(first.triples() > 500, "the shipped data has hundreds of triples");
            assertTrue(first.entailed() > 0);
            firstCount = store.quadCount();
        }
        try (LabourStore store = LabourStore.open(storeDir)) {
            assertFalse(store.syncSources(SourceSet.discover(project)).loaded());
            assertEquals(firstCount, store.quadCount());
        }
        Path places = project.resolve("data/places.ttl");
        Files.writeString(places, Files.readString(places) + "\n<urn:test:new> <urn:test:p> \"added\" .\n");
        try (LabourStore store = LabourStore.open(storeDir)) {
            assertTrue(store.syncSources(SourceSet.discover(project)).loaded());
            assertEquals(firstCount + 1, store.quadCount());
        }
    }

    @Test
    void a_syntax_error_anywhere_leaves_the_store_exactly_as_before() throws Exception {
        Path project = copyOfProject();
        Path storeDir = tmp.resolve("store");
        try (LabourStore store = LabourStore.open(storeDir)) {
            store.syncSources(SourceSet.discover(project));
            long before = store.quadCount();
            Files.writeString(project.resolve("data/pay.ttl"), "@prefix x: <http://example.org/test#> .\nx:a x:b x:c ;\n   x:broken", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            Files.writeString(project.resolve("data/places.ttl"), "\n<urn:test:other> <urn:test:p> 1 .\n", java.nio.file.StandardOpenOption.APPEND);
            RdfSyntaxException e = assertThrows(RdfSyntaxException.class, () -> store.syncSources(SourceSet.discover(project)));
            assertTrue(e.getMessage().contains("pay.ttl:"), e.getMessage());
            assertEquals(before, store.quadCount());
            assertFalse(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(null,
                    NodeFactory.createURI("urn:test:other"), null, null)));
        }
    }

    @Test
    void a_store_in_use_is_refused_with_the_way_out() throws Exception {
        // TDB2 locks a folder per JVM; in one JVM the same folder is shared, so check the message on a bad folder instead.
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        StoreException e = assertThrows(StoreException.class, () -> LabourStore.open(file));
        assertTrue(e.getMessage().contains("--store"), e.getMessage());
    }

    private Path copyOfProject() throws IOException {
        Path project = tmp.resolve("project");
        for (String dir : new String[] {"ontology", "data"}) {
            Path from = ProjectPaths.root().resolve(dir);
            try (Stream<Path> files = Files.list(from)) {
                Files.createDirectories(project.resolve(dir));
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, project.resolve(dir).resolve(f.getFileName()));
                }
            }
        }
        return project;
    }
}
