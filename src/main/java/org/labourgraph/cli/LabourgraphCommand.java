package org.labourgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; every sub-command has --help. */
@Command(
        name = "labourgraph",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "An open linked-data knowledge graph of digital-labour concepts.",
        subcommands = {ValidateCommand.class, CommandLine.HelpCommand.class})
public final class LabourgraphCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabourgraphCommand());
        // Usage errors (unknown option, bad path) exit 2, as picocli's default; anything else that fails exits 1.
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which, e.g. 'labourgraph serve' (see --help).");
    }
}
