package org.labourgraph.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceParser;
import org.labourgraph.source.SourceSet;
import org.labourgraph.sparql.RemoteSparqlService;
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
            description = "Named graph for the data (default: one graph per file, " + LG.GRAPH_NS + "<file name>, as serve names data/ files).")
    String graph;

    @Option(names = "--format", paramLabel = "LANG", description = "RDF syntax of every file (default: from each file's extension), e.g. turtle, ntriples, rdfxml, jsonld.")
    String format;

    /** Who may see the imported content. */
    enum Visibility { PUBLIC, PRIVATE }

    @Option(names = "--visibility", description = "public (default) or private: private content goes to the curators' store,"
            + " apart from everything the server shows the public.")
    Visibility visibility = Visibility.PUBLIC;

    @Option(names = "--replace", description = "Replace the named graph's content instead of adding to it.")
    boolean replace;

    @Option(names = "--validate", description = "Check the data (with what the store holds) against ontology/shapes.ttl first; refuse on any finding.")
    boolean validate;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder of a stopped server (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--root", paramLabel = "DIR", description = "Project folder holding ontology/ and data/ (default: the working directory).")
    Path root = Path.of("");

    @Option(names = "--no-sources", description = "Into a store folder, write only the files given; by default a public load also writes"
            + " ontology/ and data/ of --root in the same transaction (when the store does not hold them yet), so the first serve has"
            + " nothing to load or recompute.")
    boolean noSources;

    @Option(names = "--server", paramLabel = "URL", description = "Send the data through this running labourgraph server instead (its /update endpoint).")
    URI server;

    @Option(names = "--update-endpoint", paramLabel = "URL",
            description = "Send the data to this external SPARQL 1.1 update service instead (one request: all or nothing).")
    URI updateEndpoint;

    @Option(names = "--sparql-endpoint", paramLabel = "URL",
            description = "With --update-endpoint: the store's SPARQL query service, read to compute the entailment graph sent with"
                    + " the data (default: for an update URL ending in /update, its sibling /sparql; else the update URL itself, as on Virtuoso).")
    URI sparqlEndpoint;

    @Option(names = "--no-entailments", description = "With --update-endpoint: send only the files, not the entailment graph"
            + " (serve --sparql-endpoint then answers without the ontology's inferences; a labourgraph server keeps its own:"
            + " send to it with --server).")
    boolean noEntailments;

    @Option(names = "--user", paramLabel = "NAME", description = "Curator account on the server (with --server), or user of the --update-endpoint.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password (with --server; default LABOURGRAPH_PASSWORD).")
    String passwordEnv = "LABOURGRAPH_PASSWORD";

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (first line), instead of --password-env.")
    Path passwordFile;

    @Option(names = "--verbose", description = "Log everything.")
    boolean verbose;

    @Override
    public Integer call() {
        Lang formatLang = format == null ? null : RDFLanguages.nameToLang(format);
        if (format != null && formatLang == null) {
            System.err.println("load: unknown --format '" + format + "': use turtle, ntriples, nquads, trig, rdfxml or jsonld.");
            return 2;
        }
        Optional<Lang> forced = Optional.ofNullable(formatLang);
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.err.println("load: no such file: " + f + " (give paths of RDF files to import).");
                return 2;
            }
        }
        if ((sparqlEndpoint != null || noEntailments) && updateEndpoint == null) {
            System.err.println("load: --sparql-endpoint and --no-entailments go with --update-endpoint URL (an external store).");
            return 2;
        }
        if (server == null && updateEndpoint == null && visibility == Visibility.PUBLIC && !validate
                && files.stream().allMatch(f -> forced.or(() -> SourceParser.langOf(f)).filter(SourceParser::streams).isPresent())) {
            return streamIntoStore(forced);
        }
        Map<String, Graph> graphs = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            for (Path f : files) {
                String target = graph != null ? graph : SourceFile.of(f).graphIri();
                Optional<Lang> datasetLang = forced.filter(RDFLanguages::isQuads).or(() -> forced.isEmpty()
                        ? SourceParser.datasetLangOf(f) : Optional.empty());
                if (datasetLang.isPresent()) {
                    // TriG / N-Quads: named graphs keep their names; the default graph goes to the target graph.
                    DatasetGraph dataset = SourceParser.parseDataset(f, datasetLang.get());
                    addTo(graphs, target, dataset.getDefaultGraph(), f);
                    dataset.listGraphNodes().forEachRemaining(g -> addTo(graphs, g.getURI(), dataset.getGraph(g), f));
                } else {
                    addTo(graphs, target, forced.isPresent() ? SourceParser.parse(f, forced.get()) : SourceParser.parse(f), f);
                }
            }
        } catch (RdfSyntaxException e) {
            System.err.println(e.getMessage());
            System.err.println("load: nothing was imported (fix the file and run again; the store is unchanged).");
            return 1;
        }
        if (server != null && updateEndpoint != null) {
            System.err.println("load: give --server (a labourgraph server) or --update-endpoint (any SPARQL 1.1 update service), not both.");
            return 2;
        }
        if (updateEndpoint != null && visibility == Visibility.PRIVATE) {
            System.err.println("load: --visibility private goes to a labourgraph server (--server URL, its curators' area)"
                    + " or into a store folder (--store DIR, server stopped); another update service would make it public.");
            return 2;
        }
        if (server != null || updateEndpoint != null) {
            return loadThroughServer(graphs, started);
        }
        Optional<SourceSet> sources = sources();
        try (LabourStore target = LabourStore.open(store.toAbsolutePath())) {
            if (validate && !validates(target, graphs)) {
                System.err.println("load: nothing was imported (the store is unchanged).");
                return 1;
            }
            LabourStore.ImportResult result = visibility == Visibility.PRIVATE
                    ? target.importPrivateGraphs(graphs, replace) : target.importGraphs(graphs, replace, sources);
            System.err.printf("load: %,d triples into %d %s graph(s) of %s, %,d entailed, in %d ms.%n", result.triples(),
                    result.graphs(), visibility.name().toLowerCase(java.util.Locale.ROOT), store, result.entailed(),
                    (System.nanoTime() - started) / 1_000_000);
            reportSources(result, sources);
            return 0;
        } catch (RdfSyntaxException e) {
            System.err.println(e.getMessage());
            System.err.println("load: nothing was imported (fix the file under " + root.toAbsolutePath()
                    + " or give --no-sources; the store is unchanged).");
            return 1;
        }
    }

    /** ontology/ and data/ of --root, to write along with the files, unless --no-sources or --root has none. */
    private Optional<SourceSet> sources() {
        Path project = root.toAbsolutePath();
        if (noSources || !Files.isDirectory(project.resolve("ontology")) || !Files.isDirectory(project.resolve("data"))) {
            return Optional.empty();
        }
        return Optional.of(SourceSet.discover(project));
    }

    private void reportSources(LabourStore.ImportResult result, Optional<SourceSet> sources) {
        if (result.sourceFiles() > 0) {
            System.err.printf("load: wrote ontology/ and data/ of %s too (%d files), in the same transaction: a serve with that"
                    + " --root has nothing to load.%n", root.toAbsolutePath(), result.sourceFiles());
        } else if (!noSources && sources.isEmpty()) {
            System.err.println("load: no ontology/ and data/ under --root " + root.toAbsolutePath() + ", none written with the files;"
                    + " if the store does not hold them yet, the first serve writes them and recomputes the entailments"
                    + " (give --root PROJECT to write them now).");
        }
    }

    /** Turtle and N-Triples into the store folder: streamed, so files of millions of triples load in flat memory. */
    private Integer streamIntoStore(Optional<Lang> forced) {
        long started = System.nanoTime();
        List<LabourStore.FileImport> imports = files.stream().map(f -> new LabourStore.FileImport(f,
                forced.or(() -> SourceParser.langOf(f)).orElseThrow(),
                graph != null ? graph : SourceFile.of(f).graphIri())).toList();
        Optional<SourceSet> sources = sources();
        TerminalProgress progress = TerminalProgress.start("triples", 0);
        try (LabourStore target = LabourStore.open(store.toAbsolutePath())) {
            LabourStore.ImportResult result = target.importFiles(imports, replace, sources, progress::update);
            progress.finish();
            System.err.printf("load: %,d triples into %d public graph(s) of %s, %,d entailed, in %d ms.%n", result.triples(),
                    result.graphs(), store, result.entailed(), (System.nanoTime() - started) / 1_000_000);
            if (result.textSegmentsMerged() > 0) {
                System.err.printf("load: merged the text index's %d segments into one (text queries and edits open one, not %d).%n",
                        result.textSegmentsMerged(), result.textSegmentsMerged());
            }
            reportSources(result, sources);
            return 0;
        } catch (RdfSyntaxException e) {
            progress.finish();
            System.err.println(e.getMessage());
            System.err.println("load: nothing was imported (fix the file and run again; the store is unchanged).");
            return 1;
        }
    }

    private static void addTo(Map<String, Graph> graphs, String target, Graph content, Path from) {
        if (content.isEmpty()) {
            return;
        }
        GraphUtil.addInto(graphs.computeIfAbsent(target, k -> GraphFactory.createDefaultGraph()), content);
        System.err.printf("  parsed %s: %,d triples → <%s>%n", from, content.size(), target);
    }

    private String readPassword() {
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse(null);
            } catch (java.io.IOException e) {
                System.err.println("load: cannot read --password-file " + passwordFile + ": " + e.getMessage());
                return null;
            }
        }
        return System.getenv(passwordEnv);
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
            System.err.println("load: refused, " + report.findings().size() + " finding(s).");
            return false;
        }
        return true;
    }

    private int loadThroughServer(Map<String, Graph> graphs, long started) {
        boolean privately = visibility == Visibility.PRIVATE;
        URI target = updateEndpoint != null ? updateEndpoint : server.resolve(privately ? "curator/private" : "update");
        if (user == null && server != null) {
            System.err.println("load: --server needs --user NAME (a curator account of the server) and its password in $" + passwordEnv + ".");
            return 2;
        }
        Optional<String> auth = Optional.empty();
        if (user != null) {
            String password = readPassword();
            if (password == null) {
                System.err.println("load: give the password of " + user + " in the environment variable " + passwordEnv
                        + " or in a file with --password-file FILE.");
                return 2;
            }
            auth = Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        Optional<Graph> entailments;
        try {
            entailments = entailmentsFor(graphs, auth);
        } catch (RuntimeException e) {
            System.err.println("load: cannot read the store's data at " + queryService() + " to compute the entailments: "
                    + e.getMessage());
            System.err.println("load: nothing was imported. Give --sparql-endpoint URL (the store's query service), or"
                    + " --no-entailments to send the files alone.");
            return 1;
        }
        ServerImport.Outcome outcome = privately ? ServerImport.sendPrivate(target, auth, graphs, replace)
                : ServerImport.send(target, auth, graphs, replace, entailments);
        if (!outcome.ok()) {
            System.err.println("load: the server refused the import (HTTP " + outcome.status() + "): " + outcome.message());
            System.err.println("load: nothing was imported.");
            return 1;
        }
        long triples = graphs.values().stream().mapToLong(Graph::size).sum();
        System.err.printf("load: %,d triples into %d %s graph(s) through %s%s in %d ms.%n", triples, graphs.size(),
                visibility.name().toLowerCase(java.util.Locale.ROOT), target,
                entailments.map(e -> String.format(", and the entailment graph (%,d triples)", e.size())).orElse(""),
                (System.nanoTime() - started) / 1_000_000);
        if (updateEndpoint != null && graph != null && !graph.startsWith(LG.GRAPH_NS)) {
            // A front-end discovers the data graphs under the namespace; this one it would never read.
            System.err.println("load: <" + graph + "> is not under " + LG.GRAPH_NS + ", where serve --sparql-endpoint looks for"
                    + " the data: start it with --data-graphs " + graph + " (and the store's other data graphs, separated by commas).");
        }
        return 0;
    }

    /**
     * The store's query service: --sparql-endpoint; else, for an update URL ending in /update (Fuseki's
     * /ds/update), its sibling /sparql; else the update URL itself (Virtuoso's /sparql takes both).
     */
    URI queryService() {
        if (sparqlEndpoint != null) {
            return sparqlEndpoint;
        }
        String path = updateEndpoint.getRawPath();
        return path != null && path.endsWith("/update") ? updateEndpoint.resolve("sparql") : updateEndpoint;
    }

    /**
     * For an external update service, the entailment graph of its data after this load (a labourgraph server keeps its
     * own): the store does not derive it, and its pages and queries need it to answer as the embedded store does.
     */
    private Optional<Graph> entailmentsFor(Map<String, Graph> graphs, Optional<String> auth) {
        if (updateEndpoint == null || noEntailments) {
            return Optional.empty();
        }
        Optional<RemoteEndpoint.Credentials> credentials = auth.map(a -> new RemoteEndpoint.Credentials(user, readPassword()));
        RemoteSparqlService store = new RemoteSparqlService(new RemoteEndpoint(queryService(), Optional.of(updateEndpoint),
                Optional.empty(), credentials), Duration.ofMinutes(10));
        return Optional.of(RemoteEntailments.after(store, graphs, replace ? graphs.keySet() : Set.of()));
    }
}
