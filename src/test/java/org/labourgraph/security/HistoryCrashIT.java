package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the server process is killed with SIGKILL right after a curator's edit was acknowledged (and, every other
 * round, while an edit is in flight). After each restart every acknowledged edit is in the store and in the history,
 * and the store and the history agree: no change without its entry, no entry without its change.
 */
class HistoryCrashIT {
    static final int KILLS = Integer.getInteger("labourgraph.historyKills", 8);
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("ada:s3cret-pass".getBytes(StandardCharsets.UTF_8));
    static final String MICRO_WORK = "https://w3id.org/labourgraph/id/concept/micro-work";
    static final Pattern MESSAGE = Pattern.compile("\"message\" : \"crash-edit-(\\d+)\"");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void kill_minus_9_right_after_a_commit_loses_neither_the_change_nor_its_history_entry() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path store = dir.resolve("store");
        Set<Integer> acknowledged = new HashSet<>();
        Random random = new Random(8L);
        int next = 0;
        for (int round = 0; round < KILLS; round++) {
            int port = ServerProcess.freePort();
            Process server = ServerProcess.start(store, passwd, port, dir);
            try {
                ServerProcess.awaitReady(http, port, dir);
                assertConsistent(port, acknowledged);
                int edits = 1 + random.nextInt(3);
                for (int i = 0; i < edits; i++) {
                    int id = next++;
                    if (edit(port, id)) {
                        acknowledged.add(id);
                    }
                }
                if (round % 2 == 1) {
                    int id = next++;
                    Thread inFlight = new Thread(() -> {
                        try {
                            edit(port, id);
                        } catch (IOException | InterruptedException e) {
                            // cut by the kill: not acknowledged, may or may not have committed
                        }
                    });
                    inFlight.start();
                    Thread.sleep(random.nextInt(400));
                    server.destroyForcibly();
                    inFlight.join();
                } else {
                    server.destroyForcibly(); // right after the last acknowledged commit
                }
                server.waitFor();
            } finally {
                server.destroyForcibly();
            }
        }
        int port = ServerProcess.freePort();
        Process server = ServerProcess.start(store, passwd, port, dir);
        try {
            ServerProcess.awaitReady(http, port, dir);
            Set<Integer> present = assertConsistent(port, acknowledged);
            assertTrue(acknowledged.size() >= KILLS, "edits were acknowledged: " + acknowledged.size());
            assertTrue(present.containsAll(acknowledged));
        } finally {
            server.destroyForcibly();
        }
    }

    /** One edit: a hidden label "crash N" with the message crash-edit-N. True when the server acknowledged it. */
    private boolean edit(int port, int id) throws IOException, InterruptedException {
        String patch = "TX .\nA <" + MICRO_WORK + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"crash " + id + "\"@en .\nTC .\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/doc/concept/micro-work"))
                .header("Content-Type", "application/rdf-patch").header("Authorization", AUTH)
                .header("X-Change-Message", "crash-edit-" + id).timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return true;
    }

    /** The labels in the store and the messages in the history name the same edits, and include every acknowledged one. */
    private Set<Integer> assertConsistent(int port, Set<Integer> acknowledged) throws Exception {
        String query = "SELECT ?l WHERE { <" + MICRO_WORK + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> ?l"
                + " FILTER(STRSTARTS(STR(?l), \"crash \")) }";
        HttpResponse<String> labels = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, labels.statusCode());
        Set<Integer> inStore = new HashSet<>();
        for (String line : labels.body().strip().split("\r?\n")) {
            if (line.startsWith("crash ")) {
                inStore.add(Integer.parseInt(line.substring("crash ".length()).strip()));
            }
        }
        HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/history/concept/micro-work?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, history.statusCode());
        Set<Integer> inHistory = new HashSet<>();
        Matcher m = MESSAGE.matcher(history.body());
        while (m.find()) {
            inHistory.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(inStore, inHistory, "every change has its history entry and every entry its change");
        assertTrue(inStore.containsAll(acknowledged), "acknowledged edits lost: store " + inStore + ", acknowledged " + acknowledged);
        return inStore;
    }
}
