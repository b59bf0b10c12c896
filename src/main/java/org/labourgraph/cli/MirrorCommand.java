package org.labourgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.mirror.Mirror;
import org.labourgraph.mirror.MirrorException;
import org.labourgraph.mirror.MirrorSource;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.LabourgraphServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labourgraph mirror --from URL --store DIR [--follow]}: a full copy of another labourgraph server — its dump,
 * then every public patch since, each in one transaction; run again (or after a crash) it resumes where the copy
 * stands. With {@code --follow} it serves the copy read-only and keeps polling the source.
 */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {"Copy another labourgraph server into a store of its own: its dump, then every change since (/changes),"
                + " applied in order, each in one transaction. Run again, it resumes where the copy stands.",
                "With --follow, serves the copy (read-only; /health says which revision of which source it holds) and keeps"
                        + " polling the source. A gap in the source's history, or a patch that does not continue the copy,"
                        + " stops the mirror with exit 1 and applies nothing of it."})
public final class MirrorCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "URL", description = "The source server, e.g. http://127.0.0.1:8080/")
    String from;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The copy's TDB2 store folder (empty for a new copy).")
    Path storeDir;

    @Option(names = "--follow", description = "Serve the copy and keep polling the source for new changes.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "With --follow, seconds between polls (default: ${DEFAULT-VALUE}).")
    long intervalSeconds = 30;

    @Option(names = "--port", description = "With --follow, the copy's HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = 8080;

    @Option(names = "--host", description = "With --follow, the interface to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Override
    public Integer call() throws Exception {
        MirrorSource source = new MirrorSource(from);
        LabourStore store = LabourStore.open(storeDir.toAbsolutePath());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS); // the copy's store closes cleanly before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "labourgraph-mirror-stop"));
        try {
            Mirror mirror = Mirror.open(store, source);
            if (!follow) {
                int applied = mirror.catchUp(MirrorCommand::applied);
                System.err.println("Copy of " + source.url() + " in " + storeDir + ": revision " + mirror.position().revision()
                        + " (" + applied + " changes applied now).");
                return 0;
            }
            return followAndServe(mirror, store, stop);
        } catch (MirrorException e) {
            System.err.println("The mirror stopped: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("Cannot reach the source: " + e.getMessage() + ". What was copied is kept; run the same command again.");
            return 1;
        } finally {
            store.close();
            closed.countDown();
        }
    }

    private static void applied(long revision) {
        System.err.println("Applied revision " + revision);
    }

    /** The copy served read-only; /health says which revision of which source it holds. */
    static LabourgraphServer server(ServerSettings settings, LabourStore store, Mirror mirror) {
        Instant started = Instant.now();
        return LabourgraphServer.build(settings, store, () -> {
            JsonObject health = LabourgraphServer.healthBody(store.quadCount(), started);
            health.put("mirror", mirror.position().health());
            return health;
        });
    }

    private int followAndServe(Mirror mirror, LabourStore store, CountDownLatch stop) throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults(Path.of("").toAbsolutePath()).withPort(port).withHost(host)
                .withStoreDir(storeDir.toAbsolutePath());
        LabourgraphServer web = server(settings, store, mirror);
        web.start();
        System.err.println("Copy of " + mirror.position().source() + " served at " + web.baseUrl() + "; polling every "
                + intervalSeconds + " s. Ctrl-C stops it.");
        try {
            do {
                try {
                    mirror.catchUp(MirrorCommand::applied);
                } catch (IOException e) {
                    System.err.println("Cannot reach the source (" + e.getMessage() + "); trying again in " + intervalSeconds + " s.");
                }
            } while (!stop.await(Duration.ofSeconds(intervalSeconds).toMillis(), TimeUnit.MILLISECONDS));
            return 0;
        } finally {
            web.close();
        }
    }
}
