package org.labourgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone Fuseki of the bench, read-only over a copy of a labourgraph store's TDB2 database (a location has one
 * process), its default graph the union of the named graphs ({@code fuseki-bench.ttl}). The copy goes when it stops.
 */
final class FusekiOnCopy implements AutoCloseable {
    private final ChildProcess process;
    private final Path copy;
    private final int port;

    private FusekiOnCopy(ChildProcess process, Path copy, int port) {
        this.process = process;
        this.copy = copy;
        this.port = port;
    }

    static FusekiOnCopy start(Path folder, Path store, Path fusekiJar, String heap) throws IOException, InterruptedException {
        Path copy = folder.resolve("fuseki-tdb2");
        StoreFolders.deleteTree(copy);
        StoreFolders.copyTree(store.resolve("tdb2"), copy);
        Path config = folder.resolve("fuseki-bench.ttl");
        try (InputStream in = FusekiOnCopy.class.getResourceAsStream("fuseki-bench.ttl")) {
            Files.writeString(config, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("TDB2_LOCATION", copy.toAbsolutePath().toString().replace("\\", "/")));
        }
        int port = FreePort.find();
        Path base = folder.resolve("fuseki-base");
        Files.createDirectories(base);
        ChildProcess fuseki = ChildProcess.start(List.of(ChildProcess.javaBinary(), "-Xmx" + heap, "-jar",
                        fusekiJar.toAbsolutePath().toString(), "--localhost", "--port", Integer.toString(port), "--config",
                        config.toString()), folder, folder.resolve("fuseki.log"), Map.of("FUSEKI_BASE", base.toString()));
        try {
            fuseki.awaitHttp(URI.create("http://127.0.0.1:" + port + "/$/ping"), Duration.ofMinutes(5));
        } catch (IOException | InterruptedException | RuntimeException e) {
            fuseki.close();
            StoreFolders.deleteTree(copy);
            throw e;
        }
        return new FusekiOnCopy(fuseki, copy, port);
    }

    /** Its SPARQL query service. */
    URI sparql() {
        return URI.create("http://127.0.0.1:" + port + "/ds/sparql");
    }

    Optional<Long> peakRssKiB() {
        return process.peakRssKiB();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        try {
            process.close();
        } finally {
            StoreFolders.deleteTree(copy);
        }
    }
}
