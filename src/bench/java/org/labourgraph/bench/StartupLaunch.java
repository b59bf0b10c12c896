package org.labourgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One way the bench starts the server to time its start-up. README's serve command maps the class-data-sharing
 * archive that {@code mvn package} records beside the jar ({@code target/labourgraph.jsa}, from one
 * {@code serve --check}); plain {@code java -jar} does not. Java 17 maps the archive only when the jar is named on the
 * command line exactly as when it was recorded: relative to the project folder, every server's working directory.
 */
record StartupLaunch(String name, String resultKey, List<String> jvmOptions, Path jar) {
    static final String README_KEY = "startup/labourgraph";
    static final String PLAIN_KEY = "startup/labourgraph-plain-jar";
    /** The JVM's words when the archive does not fit this jar or this JDK: it then starts without it. */
    private static final String NOT_MAPPED = "Unable to use shared archive";

    /** README's command and plain java -jar, or only the plain one (as README's) when the build recorded no archive. */
    static List<StartupLaunch> all(Path jar, Path root) {
        String name = jar.getFileName().toString();
        Path archive = jar.resolveSibling(name.replaceFirst("\\.jar$", "") + ".jsa");
        if (!Files.isRegularFile(archive)) {
            return List.of(new StartupLaunch("plain", README_KEY, List.of(), jar));
        }
        Path relativeArchive = root.toAbsolutePath().relativize(archive.toAbsolutePath());
        Path relativeJar = root.toAbsolutePath().relativize(jar.toAbsolutePath());
        return List.of(new StartupLaunch("archive", README_KEY, List.of("-XX:SharedArchiveFile=" + relativeArchive), relativeJar),
                new StartupLaunch("plain", PLAIN_KEY, List.of(), jar));
    }

    /** A note for the report when this launch maps an archive and the server that wrote {@code log} could not. */
    Optional<String> refusal(Path log) throws IOException {
        if (jvmOptions.isEmpty() || !Files.isRegularFile(log) || !Files.readString(log).contains(NOT_MAPPED)) {
            return Optional.empty();
        }
        return Optional.of("start-up: the JVM could not map the class archive (" + String.join(" ", jvmOptions) + ", see " + log
                + "): that start ran without it");
    }
}
