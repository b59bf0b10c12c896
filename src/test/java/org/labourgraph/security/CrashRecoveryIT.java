package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, case 17: the real server process is killed with SIGKILL at random moments while authenticated
 * imports run, 20 times. After each restart every import the server acknowledged is there whole, and no import
 * is there in part. Runs in the integration-test phase (it starts the jar 21 times).
 */
class CrashRecoveryIT {
    static final int KILLS = Integer.getInteger("labourgraph.crashKills", 20);
    static final int TRIPLES_PER_IMPORT = 500;
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("ada:s3cret-pass".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void every_acknowledged_import_survives_kill_minus_9_and_nothing_partial_remains() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path store = dir.resolve("store");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(20261128L);
        int next = 0;
        for (int round = 0; round < KILLS; round++) {
            int port = ServerProcess.freePort();
            Process server = ServerProcess.start(store, passwd, port, dir);
            try {
                ServerProcess.awaitReady(http, port, dir);
                verify(port, acknowledged);
                AtomicBoolean stop = new AtomicBoolean();
                AtomicBoolean killing = new AtomicBoolean();
                int first = next;
                next += 1000;
                int before = acknowledged.size();
                Thread importer = new Thread(() -> importUntilStopped(port, first, acknowledged, stop, killing));
                importer.start();
                // Let the imports get going (one acknowledged), then kill at a random moment among the next ones.
                for (int wait = 0; wait < 300 && acknowledged.size() == before; wait++) {
                    importer.join(50);
                }
                importer.join(1 + random.nextInt(1000));
                killing.set(true);          // from here on, a failed request is one the kill cut
                server.destroyForcibly();   // SIGKILL: no shutdown hook, no clean close
                server.waitFor();
                stop.set(true);
                importer.join();
            } finally {
                server.destroyForcibly();
            }
        }
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(store, passwd, port, dir);
        try {
            ServerProcess.awaitReady(http, port, dir);
            Map<Integer, Long> present = verify(port, acknowledged);
            assertTrue(acknowledged.size() >= KILLS, "imports were acknowledged before the kills: " + acknowledged.size());
            assertTrue(present.keySet().containsAll(acknowledged));
        } finally {
            server.destroyForcibly();
        }
    }

    /** Every acknowledged import is present with all its triples; every import present is complete. */
    private Map<Integer, Long> verify(int port, Set<Integer> acknowledged) throws Exception {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"urn:crash:\")) } GROUP BY ?g";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query="
                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
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

    private void importUntilStopped(int port, int first, Set<Integer> acknowledged, AtomicBoolean stop, AtomicBoolean killing) {
        for (int id = first; !stop.get(); id++) {
            StringBuilder update = new StringBuilder("INSERT DATA { GRAPH <urn:crash:" + id + "> {\n");
            for (int i = 0; i < TRIPLES_PER_IMPORT; i++) {
                update.append("<urn:crash:s").append(i).append("> <urn:crash:p> \"import ").append(id).append(" triple ").append(i).append("\" .\n");
            }
            update.append("} }");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/update"))
                        .header("Content-Type", "application/sparql-update").header("Authorization", AUTH)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    acknowledged.add(id);
                } else {
                    System.err.println("import " + id + " refused: " + r.statusCode() + " " + r.body());
                    throw new AssertionError("import " + id + " refused: " + r.statusCode() + " " + r.body());
                }
            } catch (IOException e) {
                if (killing.get()) {
                    return; // the server was killed mid-request: this import was not acknowledged
                }
                System.err.println("import " + id + " failed before the kill: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
