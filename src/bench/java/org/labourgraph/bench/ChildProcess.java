package org.labourgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A process the benchmark starts (a server, a loader), its output in a log file; stopped when the benchmark is
 * done with it, and in any case when the benchmark's JVM exits.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    final long startedNanos;

    private ChildProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        this.killOnExit = new Thread(process::destroyForcibly, "bench-child-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The java launcher of the JDK running the bench: every child JVM is the same Java. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static ChildProcess start(List<String> command, Path workingDirectory, Path log, Map<String, String> environment) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        return start(builder, log, environment);
    }

    /** As {@link #start}, the standard output going to {@code output} and only the standard error to {@code log}. */
    static ChildProcess startWithOutput(List<String> command, Path workingDirectory, Path output, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(output.toFile()).redirectError(log.toFile());
        return start(builder, log, Map.of());
    }

    private static ChildProcess start(ProcessBuilder builder, Path log, Map<String, String> environment) throws IOException {
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildProcess(builder.start(), log, started);
    }

    /** Runs to the end (at most {@code limit}); returns the wall time in seconds, or throws with the log's tail. */
    double runToEnd(Duration limit) throws IOException, InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException("did not finish within " + limit.toSeconds() + " s; log: " + log + "\n" + tail());
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exited with " + process.exitValue() + "; log: " + log + "\n" + tail());
        }
        return seconds;
    }

    /** Waits until a GET of {@code probe} answers 200; returns seconds since the process started. */
    double awaitHttp(URI probe, Duration limit) throws IOException, InterruptedException {
        return awaitHttp(probe, limit, body -> true);
    }

    /** As above, until a 200 whose body passes {@code ready}. */
    double awaitHttp(URI probe, Duration limit, Predicate<String> ready) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + " before answering " + probe + "; log: " + log
                        + "\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && ready.test(response.body())) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // Polling is the measurement itself (process start to first answered query): the child under test,
            // labourgraph or plain Fuseki, sends no ready signal that would mean the same for both.
            Thread.sleep(20);
        }
        close();
        throw new IllegalStateException("no (ready) answer from " + probe + " within " + limit.toSeconds() + " s; log: " + log + "\n" + tail());
    }

    /** Peak resident set size (VmHWM) in KiB, from /proc; empty where /proc is not there. */
    Optional<Long> peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
