package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.junit.jupiter.api.Test;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;

/** Queries go to a store as POST bodies when it answers one, by GET otherwise (Virtuoso 7 never answers such a POST). */
class RemoteSendModeTest {
    private static final String LABEL = "SELECT ?o WHERE { <https://example.org/s> <https://example.org/p> ?o }";

    @Test
    void a_store_that_answers_a_direct_post_gets_every_query_so_and_answers_it() {
        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        data.getDefaultGraph().add(NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("o"));
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(0).add("/ds", data).build().start();
        try {
            RemoteSparqlService store = service(URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/sparql"));
            assertEquals(QuerySendMode.asPost, store.sendMode(), "the store is asked before the first query");
            assertTrue(store.preferDirectPost(), "and again when asked to");
            assertEquals(QuerySendMode.asPost, store.sendMode());
            assertEquals("o", store.select(QueryFactory.create(LABEL)).next().get("o").getLiteralLexicalForm());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void a_store_that_never_answers_a_direct_post_keeps_get_after_the_probe_time() throws Exception {
        List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // reads nothing, answers nothing: as Virtuoso 7 does with such a POST
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RemoteSparqlService store = service(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/sparql"));
            assertFalse(store.preferDirectPost());
            assertEquals(QuerySendMode.asGetWithLimitForm, store.sendMode());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void a_store_that_comes_up_after_the_front_end_gets_post_bodies_from_its_first_answer_on() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RemoteSparqlService store = new RemoteSparqlService(endpoint(URI.create("http://127.0.0.1:" + port + "/ds/sparql")),
                Duration.ofSeconds(10), Duration.ZERO);
        assertEquals(SendModeChoice.Outcome.NO_ANSWER, store.chooseSendMode(), "nothing listens there yet");
        assertEquals(QuerySendMode.asGetWithLimitForm, store.sendMode(), "asked again, still nothing: GET meanwhile");

        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        data.getDefaultGraph().add(NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("o"));
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(port).add("/ds", data).build().start();
        try {
            assertEquals("o", store.select(QueryFactory.create(LABEL)).next().get("o").getLiteralLexicalForm());
            assertEquals(QuerySendMode.asPost, store.sendMode(), "asked before that query, the store took a POST body");
        } finally {
            fuseki.stop();
        }
    }

    private static RemoteEndpoint endpoint(URI query) {
        return new RemoteEndpoint(query, Optional.empty(), Optional.empty(), Optional.empty(), DataGraphs.parse("store-default"));
    }

    private static RemoteSparqlService service(URI query) {
        return new RemoteSparqlService(endpoint(query), Duration.ofSeconds(10));
    }
}
