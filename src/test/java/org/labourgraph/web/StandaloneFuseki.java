package org.labourgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real standalone Fuseki ({@code jena-fuseki-server.jar}, copied by the build to the path in the system
 * property {@code labourgraph.standaloneFuseki}) run as a separate process on a loopback port, serving one
 * dataset {@code /ds} (TDB2 with a union default graph, see fuseki-union-tdb2.ttl). Everything it writes —
 * database, FUSEKI_BASE, log — stays in the folder it is given. {@link #close} always ends the process.
 */
final class StandaloneFuseki implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private StandaloneFuseki(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // If the test JVM dies without running @AfterAll, the Fuseki process must not outlive it.
        this.killOnExit = new Thread(process::destroyForcibly, "standalone-fuseki-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts Fuseki with its files in {@code folder} and waits until {@code /$/ping} answers. */
    static StandaloneFuseki start(Path folder) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("labourgraph.standaloneFuseki", "target/standalone/jena-fuseki-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The standalone Fuseki jar is missing at " + jar.toAbsolutePath()
                    + ": run the tests through Maven (mvn test), which copies it at generate-test-resources.");
        }
        Files.createDirectories(folder);
        Path config = folder.resolve("fuseki-union-tdb2.ttl");
        try (InputStream in = StandaloneFuseki.class.getResourceAsStream("fuseki-union-tdb2.ttl")) {
            Files.copy(in, config);
        }
        int port = freePort();
        Path log = folder.resolve("fuseki.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--localhost", "--port", Integer.toString(port), "--config", config.toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // STACK.md trap: without FUSEKI_BASE the standalone server writes run/ into the working directory.
        builder.environment().put("FUSEKI_BASE", folder.resolve("base").toString());
        StandaloneFuseki fuseki = new StandaloneFuseki(builder.start(), port, log);
        try {
            fuseki.awaitPing();
        } catch (IOException | InterruptedException | RuntimeException e) {
            fuseki.close();
            throw e;
        }
        return fuseki;
    }

    private void awaitPing() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(baseUrl() + "/$/ping")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Standalone Fuseki exited with " + process.exitValue() + " before answering:\n" + log());
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Standalone Fuseki did not answer /$/ping within " + START_LIMIT.toSeconds() + " s:\n" + log());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The dataset's services: {@code …/ds/sparql}, {@code …/ds/update}, {@code …/ds/data}. */
    URI service(String name) {
        return URI.create(baseUrl() + "/ds/" + name);
    }

    /** Everything the process printed so far, its request log included. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
