package org.labourgraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Where {@code labourgraph bench} comes from. The benchmarks (src/bench/) are not in the served jar: {@code mvn package}
 * builds them into {@code labourgraph-bench.jar} beside it, and this adds their picocli command, so its options, help
 * and exit codes are the bench's own. Without the bench jar, {@code bench} says what is missing, where it looked and how
 * to build it.
 */
final class BenchJar {
    static final String FILE_NAME = "labourgraph-bench.jar";
    /** The bench's top command: public, with a public no-argument constructor, named "bench". */
    static final String COMMAND_CLASS = "org.labourgraph.bench.BenchCommand";

    private BenchJar() {}

    /** The bench command for this run: from the class path, else from the bench jar beside this code. */
    static Object command() {
        return command(codeLocation(), BenchJar.class.getClassLoader());
    }

    /**
     * The bench command: found by {@code parent} when the bench classes are on the class path (tests, or both jars given
     * to {@code -cp}), else loaded from {@value #FILE_NAME} in the folder of {@code code} (the running jar, or the
     * classes folder), else a command that explains what is missing.
     */
    static Object command(Path code, ClassLoader parent) {
        try {
            return instantiate(Class.forName(COMMAND_CLASS, true, parent));
        } catch (ClassNotFoundException e) {
            // not on the class path: the usual case, the served jar run with java -jar
        }
        Path jar = code.toAbsolutePath().resolveSibling(FILE_NAME);
        if (!Files.isRegularFile(jar)) {
            return new Missing("no " + FILE_NAME + " in " + jar.getParent() + " (looked beside " + code.toAbsolutePath() + ").");
        }
        try {
            // Never closed: the bench runs until this JVM exits. Parent first, so Jena, picocli and labourgraph's own
            // classes are the served jar's, loaded once.
            URLClassLoader loader = new URLClassLoader("labourgraph-bench", new URL[] {jar.toUri().toURL()}, parent);
            return instantiate(Class.forName(COMMAND_CLASS, true, loader));
        } catch (ClassNotFoundException e) {
            return new Missing(jar + " holds no " + COMMAND_CLASS + ": it is not a labourgraph bench jar, or a broken one.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static Object instantiate(Class<?> command) {
        try {
            return command.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(COMMAND_CLASS + " needs a public no-argument constructor", e);
        }
    }

    /** The jar this class was loaded from, or its classes folder when run from a build tree. */
    private static Path codeLocation() {
        try {
            return Path.of(BenchJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where labourgraph's classes are: " + e.getMessage(), e);
        }
    }

    /** {@code bench} when the benchmarks are not there: whatever the arguments (even --help), it explains and exits 2. */
    @Command(name = "bench", description = "Benchmarks: not in this build (run 'labourgraph bench' to see why).")
    static final class Missing implements Callable<Integer> {
        private final String why;

        @Unmatched
        List<String> arguments;

        @Spec
        CommandSpec spec;

        Missing(String why) {
            this.why = why;
        }

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("bench: the benchmarks are not in this build: " + why
                    + " Build them with 'mvn -B package -DskipTests', which writes target/labourgraph.jar and target/" + FILE_NAME
                    + "; keep the two in the same folder.");
            return 2;
        }
    }
}
