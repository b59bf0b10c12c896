package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.render.Ui;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/**
 * Issue 21: {@code /changes/N} reads revision N's history entry before it answers. The shipped data's revision is
 * large, so its quads stay in its entry file until asked for; when that file is damaged or gone the answer is the
 * site's 500 — a page for browsers, a line of text for patch clients — never a 200 whose patch stops half-way.
 */
class ChangesEntryTest {
    @TempDir
    Path dir;

    /** The shipped data loaded into a store on disk, closed: revision 1 is one large history entry. */
    private Path storeWithShippedData() throws Exception {
        Path folder = dir.resolve("store");
        try (LabourStore store = LabourStore.open(folder)) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            assertEquals(1, store.history().head());
        }
        return folder;
    }

    private static Path entryOfRevisionOne(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store.resolve("history"))) {
            List<Path> entries = files.filter(f -> !f.getFileName().toString().equals("closed-cleanly")).sorted().toList();
            assertEquals(1, entries.size(), "one entry: " + entries);
            return entries.get(0);
        }
    }

    private interface Check {
        void run(TestServerOnDisk server) throws Exception;
    }

    /** A server over the store in {@code folder} (reopened: the large entry's rows are read only when asked for). */
    private record TestServerOnDisk(LabourgraphServer server, java.net.http.HttpClient http) {
        HttpResponse<String> get(String path, String accept) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void served(Path folder, Check check) throws Exception {
        try (LabourStore store = LabourStore.open(folder)) {
            LabourgraphServer server = LabourgraphServer.build(ServerSettings.defaults(ProjectPaths.root()).withPort(0), store,
                    () -> LabourgraphServer.healthBody(0, Instant.now())).start();
            try {
                check.run(new TestServerOnDisk(server, java.net.http.HttpClient.newHttpClient()));
            } finally {
                server.close();
            }
        }
    }

    private static void assertSitesServerError(TestServerOnDisk server) throws Exception {
        HttpResponse<String> page = server.get("changes/1", ErrorPagesTest.BROWSER);
        assertEquals(500, page.statusCode(), page.body());
        assertEquals("text/html", AppHttp.mediaTypeOf(page), page.body());
        assertTrue(page.body().contains(Ui.of("en").t("error.status.500.help")), page.body());
        ErrorPagesTest.assertNoProductNames(page);
        HttpResponse<String> text = server.get("changes/1", "application/rdf-patch");
        assertEquals(500, text.statusCode(), text.body());
        assertEquals("text/plain", AppHttp.mediaTypeOf(text), text.body());
        assertFalse(text.body().contains("TX"), "no part of a patch: " + text.body());
        ErrorPagesTest.assertNoProductNames(text);
    }

    @Test
    void a_readable_entry_is_served_whole() throws Exception {
        Path folder = storeWithShippedData();
        served(folder, server -> {
            HttpResponse<String> patch = server.get("changes/1", "application/rdf-patch");
            assertEquals(200, patch.statusCode(), patch.body());
            assertTrue(patch.body().strip().endsWith("TC ."), "the patch ends with its commit row");
        });
    }

    @Test
    void a_damaged_entry_is_the_sites_500_not_half_a_patch() throws Exception {
        Path folder = storeWithShippedData();
        Path entry = entryOfRevisionOne(folder);
        List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
        int lastRow = lines.size() - 1;
        while (!lines.get(lastRow).startsWith("A ")) {
            lastRow--;
        }
        lines.set(lastRow, "A <https://w3id.org/labourgraph/id/concept/x> this row is no RDF");
        Files.write(entry, lines, StandardCharsets.UTF_8);
        served(folder, ChangesEntryTest::assertSitesServerError);
    }

    @Test
    void a_missing_entry_is_the_sites_500_not_half_a_patch() throws Exception {
        Path folder = storeWithShippedData();
        Path entry = entryOfRevisionOne(folder);
        served(folder, server -> {
            Files.delete(entry); // gone while the server runs (it read only the entry's headers at start)
            assertSitesServerError(server);
        });
    }
}
