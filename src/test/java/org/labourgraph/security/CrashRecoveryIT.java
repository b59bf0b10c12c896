package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/**
 * Issue 6, case 17: the real server process is killed with SIGKILL while authenticated imports run, 20 times, each
 * time while an import is in flight (after a random number of acknowledged ones). After each restart every import the
 * server acknowledged is there whole, and no import is there in part. Runs in the integration-test phase (it starts
 * the jar 21 times). A failure in the importer thread (a refused import, a connection lost before the kill) fails
 * the test.
 */
@Tag("slow")
class CrashRecoveryIT {
    static final int KILLS = Integer.getInteger("labourgraph.crashKills", 20);
    static final int TRIPLES_PER_IMPORT = 500;
    static final String AUTH = TestServer.basic("ada", "s3cret-pass");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @Test
    void every_acknowledged_import_survives_kill_minus_9_and_nothing_partial_remains() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path store = dir.resolve("store");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(20261128L);
        int killsMidImport = 0;
        int next = 0;
        for (int round = 0; round < KILLS; round++) {
            try (ServerProcess server = ServerProcess.start(store, passwd, dir, http)) {
                verify(server, acknowledged);
                AtomicBoolean killing = new AtomicBoolean();
                AtomicInteger inFlight = new AtomicInteger(-1);
                int first = next;
                next += 1000;
                // Kill while import number `target` of this round is in flight, after 1 to 4 acknowledged ones.
                CountDownLatch targetSent = new CountDownLatch(1);
                int target = first + 1 + random.nextInt(4);
                Thread importer = new Thread(() -> runImporter(server, first, target, acknowledged, killing, inFlight, targetSent),
                        "importer-" + round);
                importer.start();
                assertTrue(targetSent.await(2, TimeUnit.MINUTES), "import " + target + " was never sent; see " + server.log);
                importer.join(random.nextInt(60));   // a random moment inside the import (it ends early only if the thread died)
                killing.set(true);                   // from here on, a failed request is one the kill cut
                int cut = inFlight.get();
                server.kill();
                importer.join();
                if (cut >= 0) {
                    killsMidImport++;
                }
                rethrowFailures();
            }
        }
        try (ServerProcess server = ServerProcess.start(store, passwd, dir, http)) {
            Map<Integer, Long> present = verify(server, acknowledged);
            assertTrue(acknowledged.size() >= KILLS, "imports were acknowledged before the kills: " + acknowledged.size());
            assertTrue(present.keySet().containsAll(acknowledged));
        }
        assertTrue(killsMidImport >= KILLS / 2, "most kills should hit an import in flight; " + killsMidImport + " of " + KILLS + " did");
    }

    /** Throws, in the test thread, what went wrong in the importer thread. */
    private void rethrowFailures() {
        Throwable first = failures.poll();
        if (first != null) {
            AssertionError e = new AssertionError("the importer failed: " + first, first);
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Every acknowledged import is present with all its triples; every import present is complete. */
    private Map<Integer, Long> verify(ServerProcess server, Set<Integer> acknowledged) throws Exception {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"urn:crash:\")) } GROUP BY ?g";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("sparql?query=" + TestServer.enc(query)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<Integer, Long> present = new HashMap<>();
        for (String line : r.body().strip().split("\r?\n")) {
            if (line.startsWith("urn:crash:")) {
                String[] cells = line.split(",");
                present.put(Integer.parseInt(cells[0].substring("urn:crash:".length())), Long.parseLong(cells[1]));
            }
        }
        present.forEach((id, n) -> assertEquals(TRIPLES_PER_IMPORT, n, "import " + id + " is there in part"));
        for (int id : acknowledged) {
            assertTrue(present.containsKey(id), "acknowledged import " + id + " was lost");
        }
        return present;
    }

    /** Imports one after the other until the kill cuts one; records every failure that is not the kill's. */
    private void runImporter(ServerProcess server, int first, int target, Set<Integer> acknowledged, AtomicBoolean killing,
                             AtomicInteger inFlight, CountDownLatch targetSent) {
        try {
            importUntilCut(server, first, target, acknowledged, killing, inFlight, targetSent::countDown);
        } finally {
            targetSent.countDown(); // never leave the test waiting for an importer that stopped
        }
    }

    private void importUntilCut(ServerProcess server, int first, int target, Set<Integer> acknowledged, AtomicBoolean killing,
                                AtomicInteger inFlight, Runnable targetSent) {
        for (int id = first; ; id++) {
            StringBuilder update = new StringBuilder("INSERT DATA { GRAPH <urn:crash:" + id + "> {\n");
            for (int i = 0; i < TRIPLES_PER_IMPORT; i++) {
                update.append("<urn:crash:s").append(i).append("> <urn:crash:p> \"import ").append(id).append(" triple ").append(i).append("\" .\n");
            }
            update.append("} }");
            HttpRequest request = HttpRequest.newBuilder(server.uri("update"))
                    .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(update.toString(), StandardCharsets.UTF_8)).build();
            try {
                inFlight.set(id);
                if (id == target) {
                    targetSent.run();
                }
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                inFlight.set(-1);
                if (r.statusCode() / 100 != 2) {
                    failures.add(new AssertionError("import " + id + " refused: " + r.statusCode() + " " + r.body()));
                    return;
                }
                acknowledged.add(id);
            } catch (IOException e) {
                if (!killing.get()) {
                    failures.add(new AssertionError("import " + id + " failed before the kill", e));
                }
                return; // cut by the kill: this import was not acknowledged
            } catch (InterruptedException e) {
                failures.add(e);
                return;
            }
        }
    }
}
