package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import org.labourgraph.ProjectPaths;

/** The packaged jar, run as a user would: {@code java -jar target/labourgraph.jar validate …}. */
class ValidateJarIT {

    @TempDir
    Path dir;

    /** Exit code and standard output as lines (read as UTF-8: the summary line holds an em dash). */
    private record Run(int exitCode, List<String> out, String err) {
        String lastLine() {
            return out.isEmpty() ? "" : out.get(out.size() - 1);
        }
    }

    private static Run runJar(String... args) throws IOException, InterruptedException {
        Path jar = ProjectPaths.jar();
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": run mvn package first");
        JarRun.Finished run = JarRun.run(jar, args);
        return new Run(run.exitCode(), run.out().lines().toList(), run.err());
    }

    @Test
    void the_jar_validates_the_shipped_ontology_and_data_clean() throws Exception {
        Run run = runJar("validate", "--root", ProjectPaths.root().toString());
        assertEquals(0, run.exitCode(), () -> String.join("\n", run.out()) + "\n" + run.err());
        assertTrue(run.lastLine().matches("validate: \\d+ files, \\d+ triples — clean"), run.lastLine());
    }

    @Test
    void the_jar_reports_a_seeded_syntax_error_with_file_line_column_and_exits_1() throws Exception {
        FixtureTree tree = FixtureTree.copyInto(dir);
        Path broken = tree.write("data/broken.ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n"
                + "<https://w3id.org/labourgraph/id/concept/x> skos:prefLabel \"x\"@en ;\n"
                + "    skos:broader lgx:y .\n");
        Run run = runJar("validate", "--root", tree.root().toString());
        assertEquals(1, run.exitCode(), () -> String.join("\n", run.out()) + "\n" + run.err());
        assertTrue(run.out().contains(broken + ":4:18: Undefined prefix: lgx"), () -> String.join("\n", run.out()));
        assertTrue(run.lastLine().matches("validate: 4 files, \\d+ triples — 1 finding \\(SYNTAX 1\\)"), run.lastLine());
    }

    @Test
    void the_jar_exits_2_on_a_path_that_does_not_exist() throws Exception {
        FixtureTree tree = FixtureTree.copyInto(dir);
        Run run = runJar("validate", "--root", tree.root().toString(), tree.path("data/nowhere.ttl").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("validate: no such file or folder: " + tree.path("data/nowhere.ttl")), run.err());
    }
}
