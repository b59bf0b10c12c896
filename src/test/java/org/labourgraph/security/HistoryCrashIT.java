package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/**
 * Issue 8: the server process is killed with SIGKILL right after a curator's edit was acknowledged (and, every other
 * round, while an edit is in flight). After each restart every acknowledged edit is in the store and in the history,
 * and the store and the history agree: no change without its entry, no entry without its change. An edit refused
 * before a kill, or a failure in the in-flight thread that is not the kill's, fails the test.
 */
@Tag("slow")
class HistoryCrashIT {
    static final int KILLS = Integer.getInteger("labourgraph.historyKills", 8);
    static final String AUTH = TestServer.basic("ada", "s3cret-pass");
    static final String MICRO_WORK = "https://w3id.org/labourgraph/id/concept/micro-work";
    static final String MESSAGE_PREFIX = "crash-edit-";

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void kill_minus_9_right_after_a_commit_loses_neither_the_change_nor_its_history_entry() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path store = dir.resolve("store");
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(8L);
        int killsMidEdit = 0;
        int next = 0;
        for (int round = 0; round < KILLS; round++) {
            try (ServerProcess server = ServerProcess.start(store, passwd, dir, http)) {
                assertConsistent(server, acknowledged);
                int edits = 1 + random.nextInt(3);
                for (int i = 0; i < edits; i++) {
                    int id = next++;
                    HttpResponse<String> r = edit(server, id);
                    assertEquals(200, r.statusCode(), "edit " + id + ": " + r.body());
                    acknowledged.add(id);
                }
                if (round % 2 == 1) {
                    int id = next++;
                    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                    AtomicBoolean killing = new AtomicBoolean();
                    AtomicBoolean answered = new AtomicBoolean();
                    CountDownLatch sending = new CountDownLatch(1);
                    Thread inFlight = new Thread(() -> {
                        try {
                            sending.countDown();
                            HttpResponse<String> r = edit(server, id);
                            answered.set(true);
                            if (r.statusCode() == 200) {
                                acknowledged.add(id);
                            } else {
                                failures.add(new AssertionError("in-flight edit " + id + " refused: " + r.statusCode() + " " + r.body()));
                            }
                        } catch (IOException e) {
                            if (!killing.get()) {
                                failures.add(new AssertionError("in-flight edit " + id + " failed before the kill", e));
                            } // else: cut by the kill: not acknowledged, may or may not have committed
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }, "in-flight-edit-" + id);
                    inFlight.start();
                    assertTrue(sending.await(1, TimeUnit.MINUTES), "the in-flight edit never started");
                    inFlight.join(random.nextInt(40)); // a random moment in the edit (ends early only if it was answered)
                    killing.set(true);
                    boolean cut = !answered.get();
                    server.kill();
                    inFlight.join();
                    if (cut) {
                        killsMidEdit++;
                    }
                    Throwable failure = failures.poll();
                    if (failure != null) {
                        throw new AssertionError("the in-flight edit failed: " + failure, failure);
                    }
                } else {
                    server.kill(); // right after the last acknowledged commit
                }
            }
        }
        try (ServerProcess server = ServerProcess.start(store, passwd, dir, http)) {
            Set<Integer> present = assertConsistent(server, acknowledged);
            assertTrue(acknowledged.size() >= KILLS, "edits were acknowledged: " + acknowledged.size());
            assertTrue(present.containsAll(acknowledged));
        }
        assertTrue(killsMidEdit >= 1, "at least one kill should cut an edit in flight; none of " + KILLS / 2 + " did");
    }

    /** One edit: a hidden label "crash N" with the message crash-edit-N. */
    private HttpResponse<String> edit(ServerProcess server, int id) throws IOException, InterruptedException {
        String patch = "TX .\nA <" + MICRO_WORK + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"crash " + id + "\"@en .\nTC .\n";
        return http.send(HttpRequest.newBuilder(server.uri("doc/concept/micro-work"))
                .header("Content-Type", "application/rdf-patch").header("Authorization", AUTH)
                .header("X-Change-Message", MESSAGE_PREFIX + id).timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The labels in the store and the messages in the history name the same edits, and include every acknowledged one. */
    private Set<Integer> assertConsistent(ServerProcess server, Set<Integer> acknowledged) throws Exception {
        String query = "SELECT ?l WHERE { <" + MICRO_WORK + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> ?l"
                + " FILTER(STRSTARTS(STR(?l), \"crash \")) }";
        HttpResponse<String> labels = http.send(HttpRequest.newBuilder(server.uri("sparql?query=" + TestServer.enc(query)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, labels.statusCode(), labels.body());
        Set<Integer> inStore = new HashSet<>();
        for (JsonValue row : JSON.parse(labels.body()).get("results").getAsObject().get("bindings").getAsArray()) {
            String label = row.getAsObject().get("l").getAsObject().get("value").getAsString().value();
            inStore.add(Integer.parseInt(label.substring("crash ".length()).strip()));
        }
        HttpResponse<String> history = http.send(HttpRequest.newBuilder(server.uri("history/concept/micro-work?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, history.statusCode(), history.body());
        Set<Integer> inHistory = new HashSet<>();
        for (JsonValue revision : JSON.parse(history.body()).get("revisions").getAsArray()) {
            JsonValue message = revision.getAsObject().get("message");
            if (message != null && message.isString() && message.getAsString().value().startsWith(MESSAGE_PREFIX)) {
                inHistory.add(Integer.parseInt(message.getAsString().value().substring(MESSAGE_PREFIX.length())));
            }
        }
        assertEquals(inStore, inHistory, "every change has its history entry and every entry its change");
        assertTrue(inStore.containsAll(acknowledged), "acknowledged edits lost: store " + inStore + ", acknowledged " + acknowledged);
        return inStore;
    }
}
