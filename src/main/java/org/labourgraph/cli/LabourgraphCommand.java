package org.labourgraph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.labourgraph.config.InvalidSettingException;
import org.labourgraph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; every sub-command has --help. */
@Command(
        name = "labourgraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An open linked-data knowledge graph of digital-labour concepts.")
public final class LabourgraphCommand implements Runnable {
    /**
     * The sub-commands, in the order help lists them. Picocli reads a command's annotations when it is added, and
     * reading all of them took about a third of a second, the largest part of a {@code serve}'s start before the
     * store opens: so a run names its command first and only that one is built ({@link #commandLine(String...)}).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("serve", ServeCommand::new);
        all.put("load", LoadCommand::new);
        all.put("query", QueryCommand::new);
        all.put("validate", ValidateCommand::new);
        all.put("export", ExportCommand::new);
        all.put("align", AlignCommand::new);
        all.put("history", HistoryCommand::new);
        all.put("revert", RevertCommand::new);
        all.put("mirror", MirrorCommand::new);
        all.put("compact", CompactCommand::new);
        all.put("w3id", W3idCommand::new);
        all.put("bench", BenchJar::command);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The command line for these arguments: the top command with the one sub-command they start with, or with all
     * of them (no arguments, help, --version, a misspelt command: picocli then suggests the nearest).
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new LabourgraphCommand());
        Supplier<Object> named = args.length > 0 && !"help".equals(args[0]) ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(command -> cl.addSubcommand(command.get()));
        }
        // Usage errors (unknown option, bad path, bad setting) exit 2; anything else that fails exits 1.
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException || t instanceof InvalidSettingException ? 2 : 1);
        // Expected failures get their message, not a stack trace: bad settings are usage errors (2), store problems 1.
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof InvalidSettingException || ex instanceof StoreException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
                return ex instanceof InvalidSettingException ? 2 : 1;
            }
            throw ex;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which, e.g. 'labourgraph serve' (see --help).");
    }
}
