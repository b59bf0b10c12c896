package org.labourgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * the work to interrupt); true if it did, false if the child ended first or three minutes passed.
     */
    static boolean killWhenSeen(Process child, Path folder, Predicate<String> inFlight) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.anyMatch(p -> inFlight.test(p.getFileName().toString()))) {
                        child.destroyForcibly();
                        child.waitFor(1, TimeUnit.MINUTES);
                        return true;
                    }
                }
            }
            Thread.sleep(5);
        }
        child.destroyForcibly();
        child.waitFor(1, TimeUnit.MINUTES);
        return false;
    }
}
