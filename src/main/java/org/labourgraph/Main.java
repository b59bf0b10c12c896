package org.labourgraph;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.labourgraph.cli.LabourgraphCommand;
import picocli.CommandLine;

/** Command-line entry point: {@code java -jar target/labourgraph.jar <command>}. Exit codes: 0 ok, 1 findings or failure, 2 usage. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Labels and messages are French and English: print UTF-8 whatever the terminal's locale says.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        configureLogging(Arrays.asList(args).contains("--verbose"));
        return LabourgraphCommand.commandLine(args).execute(args);
    }

    /** Logs are quiet by default (warnings, plus our own start-up lines); --verbose opens everything at debug for our code. */
    static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.labourgraph", verbose ? "debug" : "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
