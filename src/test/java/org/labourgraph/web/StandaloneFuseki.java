package org.labourgraph.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.vocab.LG;

/**
 * The real standalone Fuseki ({@code jena-fuseki-server.jar}, copied by the build to the path in the system
 * property {@code labourgraph.standaloneFuseki}) run as a separate process on a loopback port, serving one
 * dataset {@code /ds} (TDB2 with a union default graph, see fuseki-union-tdb2.ttl). Everything it writes —
 * database, FUSEKI_BASE, log — stays in the folder it is given. {@link #close} always ends the process.
 * The process binds port 0 itself and the port is read from Jetty's connector line in its output (logging set up by
 * fuseki-log4j2.properties): no port is picked here and released before the child binds it.
 */
final class StandaloneFuseki implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    /** Jetty's line once its connector listens, e.g. "Started oejs.ServerConnector@33f9a07e{HTTP/1.1, (http/1.1)}{localhost:41241}". */
    private static final Pattern STARTED = Pattern.compile("Started \\S*ServerConnector@\\S*\\{[^}]*}\\{[^}]*:(\\d+)}");

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Path log;
    private final Thread killOnExit;

    private StandaloneFuseki(Process process, Path log) {
        this.process = process;
        this.log = log;
        // If the test JVM dies without running @AfterAll, the Fuseki process must not outlive it.
        this.killOnExit = new Thread(process::destroyForcibly, "standalone-fuseki-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts Fuseki with its files in {@code folder} and waits until {@code /$/ping} answers. */
    static StandaloneFuseki start(Path folder) throws IOException, InterruptedException {
        return start(folder, "fuseki-union-tdb2.ttl");
    }

    /** As {@link #start(Path)}, with another configuration file of this package (e.g. fuseki-text-tdb2.ttl). */
    static StandaloneFuseki start(Path folder, String configResource) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path config = folder.resolve(configResource);
        try (InputStream in = StandaloneFuseki.class.getResourceAsStream(configResource)) {
            Files.copy(in, config);
        }
        return launch(folder, List.of("--config", config.toString()));
    }

    /**
     * Starts Fuseki as a new user would, with no configuration of ours: {@code --mem --update /ds}, an in-memory
     * dataset whose default graph is its own (not the union of the named graphs), query, update and Graph Store
     * Protocol at {@code /ds/sparql}, {@code /ds/update}, {@code /ds/data}.
     */
    static StandaloneFuseki startStock(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        return launch(folder, List.of("--mem", "--update", "/ds"));
    }

    private static StandaloneFuseki launch(Path folder, List<String> datasetArgs) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("labourgraph.standaloneFuseki", "target/standalone/jena-fuseki-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The standalone Fuseki jar is missing at " + jar.toAbsolutePath()
                    + ": run the tests through Maven (mvn test), which copies it at generate-test-resources.");
        }
        Path logging = folder.resolve("log4j2.properties");
        try (InputStream in = StandaloneFuseki.class.getResourceAsStream("fuseki-log4j2.properties")) {
            Files.copy(in, logging);
        }
        Path log = folder.resolve("fuseki.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-Dlog4j2.configurationFile=" + logging,
                "-jar", jar.toAbsolutePath().toString(), "--localhost", "--port", "0"));
        command.addAll(datasetArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true);
        // Without FUSEKI_BASE the standalone server writes run/ into the working directory.
        builder.environment().put("FUSEKI_BASE", folder.resolve("base").toString());
        StandaloneFuseki fuseki = new StandaloneFuseki(builder.start(), log);
        Thread copier = new Thread(fuseki::copyOutput, "standalone-fuseki-output");
        copier.setDaemon(true);
        copier.start();
        try {
            fuseki.awaitPing();
        } catch (IOException | InterruptedException | RuntimeException e) {
            fuseki.close();
            throw e;
        }
        return fuseki;
    }

    /** Copies the process's output to its log and completes {@link #port} from Jetty's connector line (or fails it at EOF). */
    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException("reading Fuseki's output", e));
        }
        port.completeExceptionally(new IllegalStateException("Standalone Fuseki ended before it listened:\n" + log()));
    }

    private void awaitPing() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        try {
            port.get(START_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Standalone Fuseki did not listen within " + START_LIMIT.toSeconds() + " s:\n" + log(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(baseUrl() + "/$/ping")).timeout(Duration.ofSeconds(2)).build();
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
        return "http://127.0.0.1:" + port();
    }

    /** The port the process bound (it listens). */
    int port() {
        return port.join();
    }

    /** The dataset's services: {@code …/ds/sparql}, {@code …/ds/update}, {@code …/ds/data}. */
    URI service(String name) {
        return URI.create(baseUrl() + "/ds/" + name);
    }

    /**
     * Puts ontology/ and data/ (shapes aside) into the dataset through its Graph Store Protocol, each file as the named
     * graph {@code LG.GRAPH_NS + its name}, as they are (no entailments): for a dataset whose default graph is the union.
     */
    void putProjectSources() throws IOException {
        RemoteSparqlService loader = new RemoteSparqlService(new RemoteEndpoint(service("sparql"), Optional.of(service("update")),
                Optional.of(service("data")), Optional.empty(), DataGraphs.parse("store-default")), Duration.ofSeconds(60));
        Path root = ProjectPaths.root();
        try (Stream<Path> ontology = Files.list(root.resolve("ontology")); Stream<Path> data = Files.list(root.resolve("data"))) {
            for (Path file : Stream.concat(ontology, data).filter(p -> p.getFileName().toString().endsWith(".ttl")
                    && !p.getFileName().toString().equals("shapes.ttl")).sorted().toList()) {
                loader.putGraph(LG.GRAPH_NS + file.getFileName().toString().replaceFirst("\\.ttl$", ""),
                        RDFDataMgr.loadGraph(file.toString()));
            }
        }
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
        ChildProcesses.stop(process, Duration.ofSeconds(15), killOnExit);
    }
}
