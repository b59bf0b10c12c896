package org.labourgraph.export;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.labourgraph.vocab.Prefixes;

/**
 * Writes dumps with RDF4J Rio, streaming from a {@link DumpSource} (the embedded store's indexes in one read
 * transaction, or an external store's answers): statements go to the writer one at a time, never a whole graph.
 *
 * <ul>
 *   <li>Quad formats (N-Quads, TriG, binary) write each public graph as its named graph.</li>
 *   <li>Triple formats write the merge of the public graphs; a triple stated in several graphs is written
 *       once (checked against the graphs already written, by the source).</li>
 *   <li>The SKOS content writes, for every concept and concept scheme, its type and its {@code skos:}
 *       statements (plus the scheme's title, label and licence): what a SKOS browser loads.</li>
 * </ul>
 */
public final class RdfExport {
    /** How often the listener hears of progress. */
    static final int PROGRESS_EVERY = 5_000;

    private RdfExport() {}

    /** Writes the scope in the format to {@code out} (not closed). */
    public static ExportSummary write(DatasetGraph dataset, ExportScope scope, DumpFormat format, OutputStream out,
                                      String jsonLdContextUrl, ExportListener listener) {
        return write(new DatasetDumpSource(dataset), scope, format, out, jsonLdContextUrl, listener);
    }

    /** Writes the scope, read from {@code source}, in the format to {@code out} (not closed). */
    public static ExportSummary write(DumpSource source, ExportScope scope, DumpFormat format, OutputStream out,
                                      String jsonLdContextUrl, ExportListener listener) {
        long start = System.nanoTime();
        long written = source.read(() -> {
            Counter counter = new Counter(listener);
            if (format == DumpFormat.JSONLD) {
                try (JsonLdDumpWriter writer = new JsonLdDumpWriter(out, jsonLdContextUrl)) {
                    statements(source, scope, false, st -> {
                        writer.handle(st);
                        counter.add();
                    });
                }
            } else {
                RDFWriter writer = Rio.createWriter(format.rio(), out);
                writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, true);
                writer.getWriterConfig().set(BasicWriterSettings.INLINE_BLANK_NODES, false);
                writer.startRDF();
                if (format == DumpFormat.TURTLE || format == DumpFormat.TRIG) {
                    writer.handleComment("labourgraph — " + describe(scope, format));
                }
                if (format != DumpFormat.NTRIPLES && format != DumpFormat.NQUADS) {
                    Prefixes.ALL.forEach(writer::handleNamespace);
                }
                statements(source, scope, format.keepsGraphs(), st -> {
                    writer.handleStatement(st);
                    counter.add();
                });
                writer.endRDF();
            }
            listener.progress(counter.count);
            return counter.count;
        });
        return new ExportSummary(format, written, scope.graphs().size(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** How many statements {@link #write} would write in that format (a counting pass, for progress bars). */
    public static long count(DatasetGraph dataset, ExportScope scope, DumpFormat format) {
        DumpSource source = new DatasetDumpSource(dataset);
        return source.read(() -> {
            long[] n = {0};
            statements(source, scope, format.keepsGraphs(), st -> n[0]++);
            return n[0];
        });
    }

    private static String describe(ExportScope scope, DumpFormat format) {
        String what = scope.content() == ExportScope.Content.SKOS ? "SKOS thesaurus (concept scheme, concepts, labels,"
                + " definitions, hierarchy)" : "asserted data of " + scope.graphs().size() + " public source graph(s)";
        return what + (format.keepsGraphs() ? ", one named graph per source file" : ", graphs merged")
                + "; the entailment graph is not included. Licence: CC BY 4.0.";
    }

    /** Feeds the scope's statements to the sink; must run inside {@link DumpSource#read}. */
    static void statements(DumpSource source, ExportScope scope, boolean keepGraphs, Consumer<Statement> sink) {
        List<Node> graphs = scope.graphs().stream().map(NodeFactory::createURI).toList();
        if (scope.content() == ExportScope.Content.SKOS) {
            source.skos(graphs, t -> sink.accept(JenaToRio.statement(null, t)));
            return;
        }
        for (int i = 0; i < graphs.size(); i++) {
            Node g = graphs.get(i);
            // Merged, a triple stated in several graphs is written once: with the first graph that states it.
            source.triples(g, keepGraphs ? List.of() : graphs.subList(0, i),
                    t -> sink.accept(JenaToRio.statement(keepGraphs ? g : null, t)));
        }
    }

    private static final class Counter {
        final ExportListener listener;
        long count;

        Counter(ExportListener listener) {
            this.listener = listener;
        }

        void add() {
            count++;
            if (count % PROGRESS_EVERY == 0) {
                listener.progress(count);
            }
        }
    }
}
