package org.labourgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.Finding.Check;
import org.labourgraph.validate.ValidationReport;
import org.labourgraph.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code labourgraph validate [PATH…]}: syntax, then SHACL, OWL and SKOS checks of the ontology and data. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the ontology and data, in order:",
            "  1. syntax: every file parses (errors as file:line:col: message);",
            "     nothing else runs until they do;",
            "  2. SHACL conformance to ontology/shapes.ttl (RDFS entailment applied);",
            "  3. OWL consistency (Jena's OWL Micro reasoner);",
            "  4. SKOS integrity: no broader cycle, no orphan concept, one prefLabel",
            "     per language (fr and en), no label both pref and alt, related",
            "     disjoint from broader, every concept in the scheme.",
            "Prints the findings grouped by check, then one summary line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean", "1:findings (syntax errors included)", "2:usage error (unknown option, missing path)"})
public final class ValidateCommand implements Callable<Integer> {

    /** How the report is printed. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "RDF files or folders to validate (default: ontology/ and data/ under --root).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", description = "Project folder holding ontology/ and data/ (default: the working directory).")
    Path root = Path.of(".");

    @Option(names = "--shapes", paramLabel = "FILE", description = "SHACL shapes to validate against (default: ontology/shapes.ttl under --root).")
    Path shapes;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--verbose", description = "List the files and graphs validated, and log each step with its timing.")
    boolean verbose;

    @Override
    public Integer call() {
        SourceSet sources = sources();
        ValidationReport report = Validator.validate(sources);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(ReportJson.of(report));
        } else {
            printText(out, sources, report);
        }
        out.flush();
        return report.clean() ? 0 : 1;
    }

    /** What to validate, or a usage error saying what is missing and how to fix it. */
    private SourceSet sources() {
        if (!Files.isDirectory(root)) {
            throw usage("--root " + root + " is not a folder; give the project folder that holds ontology/ and data/");
        }
        try {
            SourceSet sources = paths.isEmpty() ? SourceSet.discover(root) : SourceSet.of(root, paths);
            return shapes == null ? sources : sources.withShapes(shapes);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), "validate: " + message);
    }

    private void printText(PrintWriter out, SourceSet sources, ValidationReport report) {
        if (verbose) {
            for (SourceFile file : sources.files()) {
                out.println("source " + file.path() + " -> <" + file.graphIri() + ">");
            }
            sources.shapes().ifPresent(file -> out.println("shapes " + file));
        }
        Map<Check, Integer> counts = report.counts();
        for (Map.Entry<Check, Integer> group : counts.entrySet()) {
            out.println("-- " + group.getKey() + ": " + group.getValue() + (group.getValue() == 1 ? " finding" : " findings"));
            for (Finding finding : report.findings(group.getKey())) {
                out.println(finding);
            }
        }
        for (String note : report.notes()) {
            out.println("note: " + note);
        }
        out.println("validate: " + report.summary());
    }
}
