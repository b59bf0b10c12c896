package org.labourgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.labourgraph.ProjectPaths;

/** The built jar run as a child process: to the end ({@link #run}), or to be killed (its output in a log file of {@code logDir}). */
final class JarRun {
    private JarRun() {}

    /** A finished run: exit code, standard output and standard error, read as UTF-8. */
    record Finished(int exitCode, String out, String err) {}

    /** Runs {@code java -jar jar args…} to its end (two minutes at most). */
    static Finished run(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path errFile = Files.createTempFile("jar-run-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
            }
            return new Finished(process.exitValue(), out, Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.delete(errFile);
        }
    }

    static Process start(Path logDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ProjectPaths.jar().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve("child-" + args[0] + "-" + System.nanoTime() + ".log").toFile()).start();
    }

    /**
     * Kills {@code child} with SIGKILL as soon as a file or folder of {@code folder} matches {@code inFlight} (the mark of
     * the work to interrupt); true if it did while the child ran, false if the child ended first or three minutes passed.
     * Waits on the file system's own notice of each new entry (inotify on Linux), woken early when the child ends.
     */
    static boolean killWhenSeen(Process child, Path folder, Predicate<String> inFlight) throws IOException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder to watch: " + folder);
        }
        try (WatchService watch = folder.getFileSystem().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            child.onExit().thenRun(() -> closeQuietly(watch));
            boolean seen;
            try (Stream<Path> entries = Files.list(folder)) {  // made before the watch began
                seen = entries.anyMatch(p -> inFlight.test(p.getFileName().toString()));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!seen) {
                WatchKey key;
                try {
                    key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (ClosedWatchServiceException e) {
                    break;  // the child ended
                }
                if (key == null) {
                    break;  // three minutes
                }
                seen = key.pollEvents().stream().anyMatch(e -> e.context() instanceof Path p && inFlight.test(p.getFileName().toString()));
                key.reset();
            }
            boolean hit = seen && child.isAlive();
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
            return hit;
        } catch (ClosedWatchServiceException e) {
            child.destroyForcibly();  // the child ended while the watch was being set up
            child.waitFor(1, TimeUnit.MINUTES);
            return false;
        }
    }

    private static void closeQuietly(WatchService watch) {
        try {
            watch.close();
        } catch (IOException e) {
            // closing only wakes the wait; nothing to keep
        }
    }
}
