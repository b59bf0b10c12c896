package org.labourgraph.cli;

import java.io.IOException;
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

/** The built jar run as a child process (its output in a log file of {@code logDir}), for the tests that kill it. */
final class JarRun {
    private JarRun() {}

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
