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
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.store.Entailments;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.TestServer;

/**
 * Issue 18: edits that move a concept in the broader tree are followed by the incremental entailments in their own
 * transaction. The server is killed with SIGKILL after acknowledged moves and while a move is in flight; afterwards the
 * stored entailment graph is exactly what the in-memory rules derive from the asserted data: no half-followed change.
 */
@Tag("slow")
class EntailmentCrashIT {
    static final int ROUNDS = 5;
    static final String AUTH = TestServer.basic("ada", "s3cret-pass");
    static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/";
    static final String GRAPH = "https://w3id.org/labourgraph/graph/concepts";
    static final List<String> PARENTS = List.of("venture-labour", "freelancing", "social-network-labour", "prompt-engineering");

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void after_kill_minus_9_the_stored_entailments_are_what_the_asserted_data_entails() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path store = dir.resolve("store");
        Random random = new Random(18L);
        Set<String> underParent = new HashSet<>();  // parents content-moderation is below, as acknowledged
        int cut = 0;
        for (int round = 0; round < ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(store, passwd, dir, http)) {
                for (int i = 0; i < 3; i++) {
                    String parent = PARENTS.get(random.nextInt(PARENTS.size()));
                    boolean add = !underParent.contains(parent);
                    HttpResponse<String> r = move(server, parent, add);
                    assertTrue(r.statusCode() / 100 == 2, "move under " + parent + ": " + r.statusCode() + " " + r.body());
                    if (add) {
                        underParent.add(parent);
                    } else {
                        underParent.remove(parent);
                    }
                }
                String parent = PARENTS.get(random.nextInt(PARENTS.size()));
                boolean add = !underParent.contains(parent);
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread inFlight = new Thread(() -> {
                    try {
                        outcome.set(move(server, parent, add).statusCode());
                    } catch (IOException e) {
                        outcome.set(e);  // cut by the kill
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "in-flight-move");
                inFlight.start();
                inFlight.join(random.nextInt(30)); // a random moment in the move (ends early only if it was answered)
                server.kill();
                inFlight.join();
                if (outcome.get() instanceof Integer status) {
                    assertTrue(status / 100 == 2, "in-flight move answered " + status);
                    if (add) {
                        underParent.add(parent);
                    } else {
                        underParent.remove(parent);
                    }
                } else {
                    cut++;
                    underParent.clear();  // unknown whether it committed: read the truth back below
                    underParent.addAll(parentsInStore(store));
                }
            }
        }
        try (LabourStore opened = LabourStore.open(store)) {
            Node entailments = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
            Graph asserted = GraphFactory.createDefaultGraph();
            Set<Triple> stored = new HashSet<>();
            Txn.executeRead(opened.dataset(), () -> opened.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getGraph().equals(entailments)) {
                    stored.add(q.asTriple());
                } else {
                    asserted.add(q.asTriple());
                }
            }));
            Set<Triple> expected = new HashSet<>();
            Entailments.embedded(asserted).find().forEachRemaining(expected::add);
            assertEquals(expected, stored, "the stored entailments after " + ROUNDS + " kills (" + cut + " mid-move)");
        }
        assertEquals(underParent, parentsInStore(store), "every acknowledged move is in the store");
        assertTrue(cut >= 1, "at least one kill should cut a move in flight; none of " + ROUNDS + " did");
    }

    /** Puts content-moderation below {@code parent} (or takes it away), both directions, in one SPARQL update. */
    private HttpResponse<String> move(ServerProcess server, String parent, boolean add) throws IOException, InterruptedException {
        String triples = "<" + CONCEPT + "content-moderation> <http://www.w3.org/2004/02/skos/core#broader> <" + CONCEPT + parent + "> .\n"
                + "<" + CONCEPT + parent + "> <http://www.w3.org/2004/02/skos/core#narrower> <" + CONCEPT + "content-moderation> .";
        String update = (add ? "INSERT" : "DELETE") + " DATA { GRAPH <" + GRAPH + "> { " + triples + " } }";
        return http.send(HttpRequest.newBuilder(server.uri("update")).header("Content-Type", "application/sparql-update")
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> parentsInStore(Path store) {
        try (LabourStore opened = LabourStore.open(store)) {
            Set<String> parents = new HashSet<>();
            Node cm = NodeFactory.createURI(CONCEPT + "content-moderation");
            Node broader = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader");
            Txn.executeRead(opened.dataset(), () -> opened.dataset().find(NodeFactory.createURI(GRAPH), cm, broader, Node.ANY)
                    .forEachRemaining(q -> {
                        String iri = q.getObject().getURI();
                        if (PARENTS.contains(iri.substring(CONCEPT.length()))) {
                            parents.add(iri.substring(CONCEPT.length()));
                        }
                    }));
            return parents;
        }
    }
}
