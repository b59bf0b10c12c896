package org.labourgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Jena's own TDB2 command-line tools (from the standalone Fuseki jar), each run as a separate process. */
final class JenaTdbTools {
    private final Path fusekiJar;
    private final Path workingDirectory;

    JenaTdbTools(Path fusekiJar, Path workingDirectory) {
        this.fusekiJar = fusekiJar;
        this.workingDirectory = workingDirectory;
    }

    /** Seconds {@code tdb2.tdbloader OPTIONS --loc LOCATION FILE} takes, or an exception if it fails or runs past 2 hours. */
    double load(List<String> options, Path location, Path file, Path logFile) throws IOException, InterruptedException {
        List<String> command = tool("tdb2.tdbloader");
        command.addAll(options);
        command.addAll(List.of("--loc", location.toString(), file.toString()));
        return ChildProcess.start(command, workingDirectory, logFile, Map.of()).runToEnd(Duration.ofHours(2));
    }

    /** Writes every quad of the TDB2 database at {@code location} to {@code nquads}; returns how many. */
    long dump(Path location, Path nquads, Path logFile) throws IOException, InterruptedException {
        List<String> command = tool("tdb2.tdbdump");
        command.addAll(List.of("--loc", location.toString()));
        ChildProcess.startWithOutput(command, workingDirectory, nquads, logFile).runToEnd(Duration.ofHours(1));
        try (Stream<String> lines = Files.lines(nquads, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        }
    }

    private List<String> tool(String mainClass) {
        return new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xmx1g", "-cp", fusekiJar.toString(), mainClass));
    }
}
