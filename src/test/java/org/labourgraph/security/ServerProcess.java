package org.labourgraph.security;

import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labourgraph.ProjectPaths;

/**
 * The built jar run as a server process on a store folder, for the tests that kill it with SIGKILL. The child binds
 * port 0 itself and says which port it got ("labourgraph is up at http://127.0.0.1:PORT/"): no port is picked here
 * and released before the child binds it. Its output is copied to {@code logDir/server-N.log}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("labourgraph is up at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final AtomicInteger STARTS = new AtomicInteger();

    final Process process;
    final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve --port 0} with curators from {@code passwd}; waits until it is up and answers its ping. */
    static ServerProcess start(Path store, Path passwd, Path logDir, HttpClient http) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ProjectPaths.jar().toString(), "serve", "--root", ProjectPaths.root().toString(),
                "--store", store.toString(), "--passwd", passwd.toString(), "--host", "127.0.0.1", "--port", "0");
        Path log = logDir.resolve("server-" + STARTS.incrementAndGet() + ".log");
        ServerProcess server = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        Thread copier = new Thread(server::copyOutput, "server-output-" + log.getFileName());
        copier.setDaemon(true);
        copier.start();
        server.awaitReady(http);
        return server;
    }

    /** Copies the child's output to its log and completes {@link #port} from its "is up" line (or fails it at EOF). */
    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = UP.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException("reading the server's output", e));
        }
        port.completeExceptionally(new AssertionError("the server ended before it was up; see " + log));
    }

    private void awaitReady(HttpClient http) throws Exception {
        try {
            port.get(2, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server was not up after 2 minutes; see " + log, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        }
        HttpResponse<String> ping = http.send(HttpRequest.newBuilder(uri("$/ping")).build(), HttpResponse.BodyHandlers.ofString());
        if (ping.statusCode() != 200) {
            throw new AssertionError("the server is up but its ping answered " + ping.statusCode() + "; see " + log);
        }
    }

    /** The port the child bound (it is up). */
    int port() {
        return port.join();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + "/" + pathAndQuery);
    }

    /** SIGKILL: no shutdown hook, no clean close; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
