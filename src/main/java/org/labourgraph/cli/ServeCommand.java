package org.labourgraph.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sys.JenaSystem;
import org.labourgraph.config.InvalidSettingException;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.mirror.Mirror;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceSet;
import org.labourgraph.sparql.SparqlSafety;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.LabourgraphServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code labourgraph serve}: the store, loaded from ontology/ and data/ when they changed, served over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server: SPARQL endpoint, search and browse UI on one port.",
                "The embedded store (TDB2 in --store) is created on first start and reloaded from ontology/ and data/"
                        + " whenever their content changed; an unchanged start loads nothing."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--root", paramLabel = "DIR", description = "Project folder holding ontology/ and data/ (default: the working directory).")
    Path root = Path.of("");

    @Option(names = "--verbose", description = "Log everything (requests, loads, queries).")
    boolean verbose;

    @Option(names = "--check", description = {"Start, ask the server over loopback for a SPARQL answer, its home page and a search,"
            + " print each answer's status, then stop: exit 0 when all answered 200, 1 otherwise.",
            "The build runs it once to record the class archive target/labourgraph.jsa that README's serve command uses."})
    boolean check;

    @Override
    public Integer call() throws Exception {
        ServerSettings settings = server.toSettings(root.toAbsolutePath());
        if (settings.remote().isPresent()) {
            if (check) {
                throw new InvalidSettingException("--check runs on the embedded store; leave out --sparql-endpoint,"
                        + " or check the external service with its own tools");
            }
            return RemoteMode.serve(settings);
        }
        prepareSafetyWhileTheStoreOpens();
        SourceSet sources = SourceSet.discover(settings.projectRoot());
        LabourStore store = LabourStore.open(settings.storeDir());
        Optional<Mirror.Position> copyOf = Mirror.recorded(store.history());
        try {
            LabourStore.SyncResult sync = copyOf.isPresent() ? null : store.syncSources(sources);
            if (copyOf.isPresent()) {
                System.err.println("Store " + settings.storeDir() + " is a copy of " + copyOf.get().source() + " (revision "
                        + copyOf.get().revision() + "): ontology/ and data/ are not loaded into it; labourgraph mirror updates it.");
            } else if (!sync.loaded()) {
                System.err.println("Store " + settings.storeDir() + " is up to date with ontology/ and data/: nothing to load.");
            } else {
                System.err.printf("Loaded %d files into %s: %,d triples, %,d entailed, in %d ms.%n",
                        sync.files(), settings.storeDir(), sync.triples(), sync.entailed(), sync.took().toMillis());
            }
        } catch (RdfSyntaxException e) {
            store.close();
            System.err.println("Cannot start: " + e.getMessage());
            System.err.println("Fix the file (labourgraph validate shows every problem), then start again. The store was not changed.");
            return 1;
        }
        Instant loadedAt = Instant.now();
        LabourgraphServer web = LabourgraphServer.build(settings, store, () -> {
            JsonObject health = LabourgraphServer.healthBody(store.quadCount(), loadedAt);
            copyOf.ifPresent(p -> health.put("mirror", p.health()));
            return health;
        });
        if (check) {
            try {
                web.start();
                return ServeCheck.run(web.baseUrl(), System.out);
            } finally {
                web.close();
                store.close();
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping: closing the server and the store…");
            web.close();
            store.close();
            stopped.countDown();
        }, "labourgraph-shutdown"));
        web.start();
        System.err.println("labourgraph is up at " + web.baseUrl() + "  (SPARQL: " + web.baseUrl() + "sparql, ready: "
                + web.baseUrl() + "$/ping). Ctrl-C stops it.");
        stopped.await();
        return 0;
    }

    /**
     * {@link SparqlSafety#install} builds, among others, the HTTP client of the JSON-LD library's document loader
     * it then disarms: a few tenths of a second of class loading that runs here on the second core while the store
     * opens. The server's build calls install() too, which waits for this one (it is synchronized) before anything
     * listens, and retries if it failed. Jena is initialised first, on this thread: its classes initialised from two
     * threads at once can deadlock.
     */
    private static void prepareSafetyWhileTheStoreOpens() {
        JenaSystem.init();
        Thread safety = new Thread(SparqlSafety::install, "labourgraph-safety");
        safety.setDaemon(true);
        safety.start();
    }
}
