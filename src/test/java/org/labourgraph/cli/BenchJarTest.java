package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where {@code bench} comes from: the class path, the bench jar beside the running code, or an explanation. */
class BenchJarTest {
    @TempDir
    Path dir;

    /** A loader that sees the JDK only, as the served jar's loader sees no bench class. */
    private static final ClassLoader WITHOUT_BENCH = ClassLoader.getPlatformClassLoader();

    private static String errorOf(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command).setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute(args));
        return err.toString();
    }

    @Test
    void bench_classes_on_the_class_path_are_used_as_they_are() {
        Object command = BenchJar.command(dir.resolve("labourgraph.jar"), BenchJar.class.getClassLoader());
        assertEquals(BenchJar.COMMAND_CLASS, command.getClass().getName());
        assertEquals(BenchJar.class.getClassLoader(), command.getClass().getClassLoader());
    }

    @Test
    void without_the_bench_jar_any_bench_command_line_explains_what_is_missing_where_and_how_to_build_it() {
        Object command = BenchJar.command(dir.resolve("labourgraph.jar"), WITHOUT_BENCH);
        assertInstanceOf(BenchJar.Missing.class, command);
        for (String[] args : new String[][] {{}, {"--help"}, {"all", "--sizes", "2e4", "--quick"}}) {
            String err = errorOf(command, args);
            assertTrue(err.contains("no labourgraph-bench.jar in " + dir.toAbsolutePath()), err);
            assertTrue(err.contains("(looked beside " + dir.resolve("labourgraph.jar").toAbsolutePath() + ")"), err);
            assertTrue(err.contains("mvn -B package -DskipTests"), err);
        }
    }

    @Test
    void a_file_of_that_name_that_is_no_bench_jar_is_named_as_such() throws Exception {
        Path notAJar = Files.writeString(dir.resolve(BenchJar.FILE_NAME), "not a jar");
        String err = errorOf(BenchJar.command(dir.resolve("labourgraph.jar"), WITHOUT_BENCH));
        assertTrue(err.contains(notAJar + " holds no " + BenchJar.COMMAND_CLASS), err);
    }
}
