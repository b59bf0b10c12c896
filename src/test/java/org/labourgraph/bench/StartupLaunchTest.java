package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench starts the server as README says, with the build's class archive named as Java 17 recorded it. */
class StartupLaunchTest {

    @TempDir
    Path root;

    /** target/labourgraph.jar under the project folder, with the archive beside it when {@code withArchive}. */
    private Path builtJar(boolean withArchive) throws Exception {
        Path jar = Files.createDirectories(root.resolve("target")).resolve("labourgraph.jar");
        Files.writeString(jar, "jar");
        if (withArchive) {
            Files.writeString(root.resolve("target/labourgraph.jsa"), "archive");
        }
        return jar;
    }

    @Test
    void with_an_archive_beside_the_jar_readme_s_launch_maps_it_by_paths_relative_to_the_project_and_plain_java_jar_follows() throws Exception {
        List<StartupLaunch> launches = StartupLaunch.all(builtJar(true), root);
        assertEquals(2, launches.size());
        assertEquals(List.of("-XX:SharedArchiveFile=target/labourgraph.jsa"), launches.get(0).jvmOptions());
        assertEquals(Path.of("target/labourgraph.jar"), launches.get(0).jar());
        assertEquals(StartupLaunch.README_KEY, launches.get(0).resultKey());
        assertEquals(List.of(), launches.get(1).jvmOptions());
        assertEquals(StartupLaunch.PLAIN_KEY, launches.get(1).resultKey());
    }

    @Test
    void without_an_archive_plain_java_jar_is_readme_s_launch_and_the_only_one() throws Exception {
        List<StartupLaunch> launches = StartupLaunch.all(builtJar(false), root);
        assertEquals(1, launches.size());
        assertEquals(List.of(), launches.get(0).jvmOptions());
        assertEquals(StartupLaunch.README_KEY, launches.get(0).resultKey());
    }

    @Test
    void a_start_that_could_not_map_the_archive_is_noted_and_one_that_could_is_not() throws Exception {
        StartupLaunch readme = StartupLaunch.all(builtJar(true), root).get(0);
        Path refused = Files.writeString(root.resolve("refused.log"),
                "[0.065s][warning][cds,dynamic] Unable to use shared archive. The top archive failed to load: target/labourgraph.jsa\n");
        Path mapped = Files.writeString(root.resolve("mapped.log"), "labourgraph is up at http://127.0.0.1:8080/\n");
        assertTrue(readme.refusal(refused).orElseThrow().contains("could not map the class archive"));
        assertTrue(readme.refusal(mapped).isEmpty());
    }
}
