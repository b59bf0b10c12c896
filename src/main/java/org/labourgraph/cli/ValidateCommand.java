package org.labourgraph.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced by the validation work (issue 2). */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate ontology/ and data/ (syntax, SHACL, OWL, SKOS).")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("validate: not built yet");
        return 2;
    }
}
