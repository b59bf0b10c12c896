package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.labourgraph.ProjectPaths;

/**
 * README's serve command maps the class-data-sharing archive that {@code mvn package} recorded: the application's
 * classes come from the archive, not from the jar. {@code -Xshare:on} makes a JVM that cannot map it refuse to start.
 */
@Tag("slow")
class ClassArchiveIT {
    private static final Pattern README_SERVE = Pattern.compile("&& java (.*?)-jar target/labourgraph\\.jar serve\\n");

    @Test
    void readme_s_serve_command_maps_the_class_archive_the_build_recorded() throws Exception {
        Path root = ProjectPaths.root();
        Matcher serve = README_SERVE.matcher(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(serve.find(), "README's first command runs java … -jar target/labourgraph.jar serve");
        List<String> options = Arrays.stream(serve.group(1).trim().split("\\s+")).toList();
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=")), "README's command maps an archive: " + options);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-Xshare:on", "-Xlog:class+load=info", "-jar", "target/labourgraph.jar", "--version"));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java --version did not finish in 60 s");
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("org.labourgraph.Main source: shared objects file (top)"), () -> out.lines().limit(20).toList().toString());
    }
}
