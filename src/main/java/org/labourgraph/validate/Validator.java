package org.labourgraph.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceParser;
import org.labourgraph.source.SourceSet;
import org.labourgraph.validate.Finding.Check;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a labourgraph tree: 1) every file parses — if one does not, nothing else runs, since the
 * other checks would judge a graph that is not the one written; 2) SHACL conformance to the shapes;
 * 3) OWL consistency; 4) SKOS integrity; 5) the identifiers of
 * links to other vocabularies and their evidence records. Checks 2–5 see the union of all files, as the store serves it.
 */
public final class Validator {
    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

    private Validator() {}

    /** Parses every source (and the shapes), then validates their union. */
    public static ValidationReport validate(SourceSet sources) {
        List<Finding> syntaxErrors = new ArrayList<>();
        Graph union = GraphFactory.createDefaultGraph();
        for (SourceFile source : sources.files()) {
            parseInto(source.path(), union, syntaxErrors);
        }
        Optional<Path> shapesFile = sources.shapes();
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        shapesFile.ifPresent(file -> parseInto(file, shapesGraph, syntaxErrors));
        int fileCount = sources.files().size() + (shapesFile.isPresent() ? 1 : 0);
        if (!syntaxErrors.isEmpty()) {
            return new ValidationReport(syntaxErrors, fileCount, union.size(),
                    List.of("SHACL, OWL and SKOS checks did not run: fix the syntax errors first"));
        }
        if (shapesFile.isEmpty()) {
            return check(union, null, List.of(), fileCount, "SHACL did not run: no shapes file (expected "
                    + sources.root().resolve("ontology").resolve(SourceSet.SHAPES_FILE_NAME) + ", or give --shapes FILE)");
        }
        try {
            return check(union, Shapes.parse(shapesGraph), List.of(), fileCount, null);
        } catch (ShaclParseException e) {
            Finding unusable = new Finding(Check.SHACL, shapesFile.get().toString(), null,
                    "the shapes file is not valid SHACL: " + e.getMessage() + "; fix the shape it names");
            return check(union, null, List.of(unusable), fileCount, "SHACL did not run: the shapes file is not valid SHACL");
        }
    }

    /**
     * SHACL (when {@code shapes} is not null), OWL and SKOS checks of an in-memory graph — what
     * {@code load --validate} runs on the data it is about to load, together with the ontology.
     */
    public static ValidationReport validate(Graph union, Shapes shapes) {
        return check(union, shapes, List.of(), 0, "SHACL did not run: no shapes given");
    }

    private static ValidationReport check(Graph union, Shapes shapes, List<Finding> earlier, int fileCount, String whyNoShacl) {
        List<Finding> findings = new ArrayList<>(earlier);
        Graph entailed = materialiseRdfs(union);
        if (shapes != null) {
            findings.addAll(timed("SHACL", () -> ShaclCheck.run(shapes, entailed)));
        }
        findings.addAll(timed("OWL", () -> OwlConsistencyCheck.run(union)));
        findings.addAll(timed("SKOS", () -> SkosIntegrityCheck.run(entailed)));
        findings.addAll(timed("identifiers", () -> IdentifierCheck.run(union)));
        List<String> notes = shapes == null ? List.of(whyNoShacl) : List.of();
        return new ValidationReport(findings, fileCount, union.size(), notes);
    }

    /**
     * The union plus its RDFS entailments (sub-class, sub-property, domain, range), computed with the
     * union's own ontology as vocabulary and copied into a plain graph so every check reads it fast.
     */
    static Graph materialiseRdfs(Graph union) {
        Graph entailed = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(entailed, RDFSFactory.graphRDFS(union, RDFSFactory.setupRDFS(union)));
        LOG.debug("RDFS entailment: {} triples stated, {} with entailments", union.size(), entailed.size());
        return entailed;
    }

    private static void parseInto(Path file, Graph union, List<Finding> syntaxErrors) {
        try {
            Graph graph = SourceParser.parse(file);
            LOG.debug("parsed {} ({} triples)", file, graph.size());
            GraphUtil.addInto(union, graph);
        } catch (RdfSyntaxException e) {
            syntaxErrors.add(new Finding(Check.SYNTAX, e.location(), null, e.detail()));
        }
    }

    private static List<Finding> timed(String check, Supplier<List<Finding>> run) {
        long start = System.nanoTime();
        List<Finding> findings = run.get();
        LOG.debug("{}: {} findings in {} ms", check, findings.size(), (System.nanoTime() - start) / 1_000_000);
        return findings;
    }
}
