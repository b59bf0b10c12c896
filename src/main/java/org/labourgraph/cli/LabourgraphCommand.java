package org.labourgraph.cli;

import org.labourgraph.config.InvalidSettingException;
import org.labourgraph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; every sub-command has --help. */
@Command(
        name = "labourgraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An open linked-data knowledge graph of digital-labour concepts.",
        subcommands = {ServeCommand.class, LoadCommand.class, QueryCommand.class, ValidateCommand.class, ExportCommand.class,
                HistoryCommand.class, RevertCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class LabourgraphCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabourgraphCommand());
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
