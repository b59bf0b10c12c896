package org.labourgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.sparql.SparqlSafety;
import org.labourgraph.store.LabourStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labourgraph query}: runs SPARQL against the store (or an external endpoint) and prints the result. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query (a file or a string) against the store of a stopped server, or an external endpoint.")
public final class QueryCommand implements Callable<Integer> {
    /** Output formats for SELECT/ASK. CONSTRUCT/DESCRIBE print Turtle (or N-Triples with --format nt). */
    enum Format { table, csv, tsv, json, xml, nt, ttl }

    static final class Source {
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A .rq file (e.g. one of queries/).")
        Path file;

        @Parameters(paramLabel = "QUERY", description = "The query text.")
        String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--format", description = "table, csv, tsv, json, xml (SELECT/ASK); ttl, nt (CONSTRUCT/DESCRIBE). Default: ${DEFAULT-VALUE}.")
    Format format = Format.table;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder (default: ./store). The server must be stopped; else use --sparql-endpoint URL/sparql.")
    Path store = Path.of("store");

    @Option(names = "--sparql-endpoint", paramLabel = "URL", description = "Query this SPARQL 1.1 endpoint instead of the store.")
    String endpoint;

    @Option(names = "--include-private", description = "Curators: query the public and the private content together (store only).")
    boolean includePrivate;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop the query after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 60;

    @Override
    public Integer call() throws IOException {
        if (includePrivate && endpoint != null) {
            System.err.println("query: --include-private reads the store folder; it does not go with --sparql-endpoint.");
            return 2;
        }
        String text = source.file != null ? readQuery(source.file) : source.text;
        if (text == null) {
            return 2;
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            System.err.println("query: syntax error" + (source.file != null ? " in " + source.file : "") + " at line "
                    + e.getLine() + ", column " + e.getColumn() + ": " + e.getMessage());
            return 1;
        }
        var refusal = QueryPolicy.refusal(query);
        if (refusal.isPresent()) {
            System.err.println("query: " + refusal.get());
            return 1;
        }
        SparqlSafety.install();
        if (endpoint != null) {
            try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).timeout(timeoutSeconds, TimeUnit.SECONDS).build()) {
                print(exec, query);
            }
            return 0;
        }
        try (LabourStore target = LabourStore.open(store.toAbsolutePath())) {
            DatasetGraph dataset = includePrivate ? target.curatorView() : target.dataset();
            Txn.executeRead(dataset, () -> {
                try (QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(query)
                        .timeout(timeoutSeconds, TimeUnit.SECONDS).build()) {
                    print(exec, query);
                }
            });
        }
        return 0;
    }

    private static String readQuery(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("query: no such file: " + file);
            return null;
        }
        return Files.readString(file);
    }

    private void print(QueryExec exec, Query query) {
        if (query.isSelectType()) {
            ResultSet results = ResultSet.adapt(exec.select());
            switch (format) {
                case table -> ResultSetFormatter.out(System.out, results, query.getPrologue());
                case csv -> ResultSetFormatter.outputAsCSV(System.out, results);
                case tsv -> ResultSetFormatter.outputAsTSV(System.out, results);
                case json -> ResultSetFormatter.outputAsJSON(System.out, results);
                case xml -> ResultSetFormatter.outputAsXML(System.out, results);
                default -> throw new IllegalArgumentException("--format " + format + " is for CONSTRUCT/DESCRIBE; use table, csv, tsv, json or xml");
            }
        } else if (query.isAskType()) {
            boolean b = exec.ask();
            if (format == Format.json) {
                ResultSetFormatter.outputAsJSON(System.out, b);
            } else {
                System.out.println(b ? "yes" : "no");
            }
        } else {
            var graph = query.isConstructType() ? exec.construct() : exec.describe();
            RDFDataMgr.write(System.out, graph, format == Format.nt ? Lang.NTRIPLES : Lang.TURTLE);
        }
    }
}
