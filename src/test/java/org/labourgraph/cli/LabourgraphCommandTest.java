package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The top command: a run builds the one command it names; help, --version and typos see every command. */
class LabourgraphCommandTest {
    private static final List<String> ALL = List.of("serve", "load", "query", "validate", "export", "align", "history", "revert", "mirror", "compact", "w3id", "bench", "help");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabourgraphCommand.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void a_run_that_starts_with_a_command_builds_only_that_command() {
        assertEquals(List.of("serve"), List.copyOf(LabourgraphCommand.commandLine("serve", "--port", "0").getSubcommands().keySet()));
        assertEquals(List.of("bench"), List.copyOf(LabourgraphCommand.commandLine("bench", "all").getSubcommands().keySet()));
    }

    @Test
    void without_a_command_name_first_every_command_is_there() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "serve"}, new String[] {"serv"})) {
            assertEquals(ALL, List.copyOf(LabourgraphCommand.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void the_top_help_lists_every_command() {
        assertEquals(0, run("--help"));
        for (String command : ALL) {
            assertTrue(out.toString().contains("  " + command + " "), () -> "help lacks " + command + ":\n" + out);
        }
    }

    @Test
    void help_for_one_command_and_that_command_s_own_help_agree() {
        assertEquals(0, run("help", "serve"));
        String viaHelp = out.toString();
        out.getBuffer().setLength(0);
        assertEquals(0, run("serve", "--help"));
        assertTrue(viaHelp.startsWith("Usage: labourgraph serve"), viaHelp);
        assertEquals(viaHelp, out.toString());
    }

    @Test
    void a_misspelt_command_is_a_usage_error_that_suggests_the_nearest() {
        assertEquals(2, run("serv"));
        assertTrue(err.toString().contains("serve"), err::toString);
    }
}
