package org.labourgraph.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceParser;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;
import org.labourgraph.validate.ValidationReport;
import org.labourgraph.validate.Validator;
import org.labourgraph.vocab.LG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labourgraph load FILE…}: imports RDF into named graphs, all files in one transaction. Every file is
 * parsed (and, with --validate, checked against the shapes) before anything is written.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Import RDF files (Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads) into the store, all or nothing.",
                "Into a stopped server's store folder (--store), or through a running server (--server, authenticated)."})
public final class LoadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "RDF files to import.")
    List<Path> files;

    @Option(names = "--graph", paramLabel = "IRI",
            description = "Named graph for the data (default: one graph per file, " + LG.GRAPH_NS + "import/<file name>).")
    String graph;

    @Option(names = "--format", paramLabel = "LANG", description = "RDF syntax of every file (default: from each file's extension), e.g. turtle, ntriples, rdfxml, jsonld.")
    String format;

    @Option(names = "--replace", description = "Replace the named graph's content instead of adding to it.")
    boolean replace;

    @Option(names = "--validate", description = "Check the data (with what the store holds) against ontology/shapes.ttl first; refuse on any finding.")
    boolean validate;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder of a stopped server (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--root", paramLabel = "DIR", description = "Project folder holding ontology/shapes.ttl (default: the working directory).")
    Path root = Path.of("");

    @Option(names = "--server", paramLabel = "URL", description = "Send the data through this running labourgraph server instead (its /update endpoint).")
    URI server;

    @Option(names = "--user", paramLabel = "NAME", description = "Curator account on the server (with --server).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password (with --server; default LABOURGRAPH_PASSWORD).")
    String passwordEnv = "LABOURGRAPH_PASSWORD";

    @Option(names = "--verbose", description = "Log everything.")
    boolean verbose;

    @Override
    public Integer call() {
        Optional<Lang> forced = Optional.empty();
        if (format != null) {
            Lang lang = RDFLanguages.nameToLang(format);
            if (lang == null) {
                System.err.println("load: unknown --format '" + format + "': use turtle, ntriples, nquads, trig, rdfxml or jsonld.");
                return 2;
            }
            forced = Optional.of(lang);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.err.println("load: no such file: " + f + " (give paths of RDF files to import).");
                return 2;
            }
        }
        Map<String, Graph> graphs = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            for (Path f : files) {
                Graph g = forced.isPresent() ? SourceParser.parse(f, forced.get()) : SourceParser.parse(f);
                String target = graph != null ? graph : LG.GRAPH_NS + "import/" + SourceFile.stemOf(f);
                GraphUtil.addInto(graphs.computeIfAbsent(target, k -> GraphFactory.createDefaultGraph()), g);
                System.err.printf("  parsed %s: %,d triples → <%s>%n", f, g.size(), target);
            }
        } catch (RdfSyntaxException e) {
            System.err.println(e.getMessage());
            System.err.println("load: nothing was imported (fix the file and run again; the store is unchanged).");
            return 1;
        }
        if (server != null) {
            return loadThroughServer(graphs, started);
        }
        try (LabourStore target = LabourStore.open(store.toAbsolutePath())) {
            if (validate && !validates(target, graphs)) {
                return 1;
            }
            LabourStore.ImportResult result = target.importGraphs(graphs, replace);
            System.err.printf("load: %,d triples into %d graph(s) of %s, %,d entailed, in %d ms.%n",
                    result.triples(), result.graphs(), store, result.entailed(), (System.nanoTime() - started) / 1_000_000);
            return 0;
        }
    }

    private boolean validates(LabourStore target, Map<String, Graph> graphs) {
        Optional<Path> shapesFile = SourceSet.discover(root.toAbsolutePath()).shapes();
        if (shapesFile.isEmpty()) {
            System.err.println("load: --validate needs ontology/shapes.ttl under --root " + root.toAbsolutePath());
            return false;
        }
        Graph union = GraphFactory.createDefaultGraph();
        Txn.executeRead(target.dataset(), () -> GraphUtil.addInto(union, target.dataset().getUnionGraph()));
        graphs.values().forEach(g -> GraphUtil.addInto(union, g));
        Shapes shapes;
        try {
            shapes = Shapes.parse(SourceParser.parse(shapesFile.get()));
        } catch (RdfSyntaxException e) {
            System.err.println(e.getMessage());
            return false;
        }
        ValidationReport report = Validator.validate(union, shapes);
        if (!report.clean()) {
            report.findings().forEach(f -> System.err.println("  " + f));
            System.err.println("load: refused, " + report.findings().size() + " finding(s); nothing was imported.");
            return false;
        }
        return true;
    }

    private int loadThroughServer(Map<String, Graph> graphs, long started) {
        if (user == null) {
            System.err.println("load: --server needs --user NAME (a curator account of the server) and its password in $" + passwordEnv + ".");
            return 2;
        }
        String password = System.getenv(passwordEnv);
        if (password == null) {
            System.err.println("load: set the environment variable " + passwordEnv + " to the password of " + user + ".");
            return 2;
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ServerImport.Outcome outcome = ServerImport.send(server.resolve("update"), auth, graphs, replace);
        if (!outcome.ok()) {
            System.err.println("load: the server refused the import (HTTP " + outcome.status() + "): " + outcome.message());
            System.err.println("load: nothing was imported.");
            return 1;
        }
        long triples = graphs.values().stream().mapToLong(Graph::size).sum();
        System.err.printf("load: %,d triples into %d graph(s) through %s in %d ms.%n", triples, graphs.size(), server,
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }
}
