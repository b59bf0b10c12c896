package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;

/**
 * The served jar holds what serving needs; the benchmarks are built into {@code labourgraph-bench.jar} beside it, and
 * {@code java -jar target/labourgraph.jar bench …} runs them from there.
 */
class BenchJarIT {
    private static final String BENCH_PACKAGE = "org/labourgraph/bench/";

    @TempDir
    Path dir;

    private static List<String> entries(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": run mvn package first");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static Path benchJar() {
        return ProjectPaths.jar().resolveSibling(BenchJar.FILE_NAME);
    }

    @Test
    void the_served_jar_holds_no_benchmark_class_or_resource() throws Exception {
        List<String> served = entries(ProjectPaths.jar());
        assertTrue(served.contains("org/labourgraph/Main.class"), "not the served jar: no Main");
        assertEquals(List.of(), served.stream().filter(name -> name.startsWith(BENCH_PACKAGE)).toList());
    }

    @Test
    void the_bench_jar_holds_the_benchmarks_their_resources_and_nothing_of_the_served_jar() throws Exception {
        List<String> bench = entries(benchJar());
        for (String expected : List.of("BenchCommand.class", "ThesaurusGenerator.class", "fuseki-bench.ttl", "rotate.lua")) {
            assertTrue(bench.contains(BENCH_PACKAGE + expected), () -> "bench jar lacks " + expected + ": " + bench);
        }
        assertEquals(List.of(), bench.stream().filter(name -> name.endsWith(".class") && !name.startsWith(BENCH_PACKAGE)).toList());
    }

    @Test
    void bench_generate_runs_from_the_served_jar_with_the_bench_jar_beside_it() throws Exception {
        Path output = dir.resolve("thesaurus.nt");
        JarRun.Finished run = JarRun.run(ProjectPaths.jar(), "bench", "generate", "--triples", "2000", "--seed", "3", "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 1_000 && lines.stream().allMatch(line -> line.endsWith(" .")), () -> lines.size() + " lines");
        assertTrue(run.err().contains("bench generate: " + String.format(java.util.Locale.ROOT, "%,d", lines.size()) + " triples"), run.err());
    }

    @Test
    void the_bench_s_own_help_answers_through_the_served_jar() throws Exception {
        JarRun.Finished run = JarRun.run(ProjectPaths.jar(), "bench", "all", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: labourgraph bench all"), run.out());
        assertTrue(run.out().contains("--sizes=N"), run.out());
    }

    @Test
    void without_the_bench_jar_bench_says_what_is_missing_where_it_looked_and_how_to_build_it() throws Exception {
        Path alone = Files.copy(ProjectPaths.jar(), dir.resolve("labourgraph.jar"));
        JarRun.Finished run = JarRun.run(alone, "bench", "--help");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("no labourgraph-bench.jar in " + dir.toAbsolutePath()), run.err());
        assertTrue(run.err().contains("mvn -B package -DskipTests"), run.err());
        assertEquals("", run.out());
    }
}
