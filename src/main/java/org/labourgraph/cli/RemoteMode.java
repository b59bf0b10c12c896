package org.labourgraph.cli;

import java.util.concurrent.CountDownLatch;

import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.web.LabourgraphServer;

/**
 * {@code serve --sparql-endpoint URL}: the application on our port with no store of its own; queries, search and
 * (with --passwd) writes go to the external SPARQL 1.1 service. Nothing is loaded at start: put the data in the
 * external store with its own tools or {@code labourgraph load} against its Graph Store Protocol.
 */
final class RemoteMode {
    private RemoteMode() {}

    static int serve(ServerSettings settings) throws InterruptedException {
        RemoteEndpoint endpoint = settings.remote().orElseThrow();
        LabourgraphServer web = LabourgraphServer.buildRemote(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping the server…");
            web.close();
            stopped.countDown();
        }, "labourgraph-shutdown"));
        web.start();
        System.err.println("labourgraph is up at " + web.baseUrl() + "  (SPARQL: " + web.baseUrl() + "sparql → "
                + endpoint.query() + "; ready: " + web.baseUrl() + "health). Ctrl-C stops it.");
        System.err.println("External-endpoint mode: ontology/ and data/ are not loaded by serve; search runs as a SPARQL"
                + " query (no text index on the external service).");
        if (!new RemoteSparqlService(endpoint, settings.queryTimeout()).isAlive()) {
            System.err.println("Warning: " + endpoint.query() + " does not answer a SPARQL ASK yet; " + web.baseUrl()
                    + "health answers 503 until it does.");
        }
        stopped.await();
        return 0;
    }
}
