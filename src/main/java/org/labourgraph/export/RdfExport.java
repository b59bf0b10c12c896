package org.labourgraph.export;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.Prefixes;

/**
 * Writes dumps with RDF4J Rio, streaming from the store inside one read transaction: statements go from
 * the store's indexes to the writer one at a time; nothing but the current subject is held in memory.
 *
 * <ul>
 *   <li>Quad formats (N-Quads, TriG, binary) write each public graph as its named graph.</li>
 *   <li>Triple formats write the merge of the public graphs; a triple stated in several graphs is written
 *       once (checked against the graphs already written, by index look-up).</li>
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
        long start = System.nanoTime();
        long written = Txn.calculateRead(dataset, () -> {
            Counter counter = new Counter(listener);
            if (format == DumpFormat.JSONLD) {
                try (JsonLdDumpWriter writer = new JsonLdDumpWriter(out, jsonLdContextUrl)) {
                    statements(dataset, scope, false, st -> {
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
                statements(dataset, scope, format.keepsGraphs(), st -> {
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
        return Txn.calculateRead(dataset, () -> {
            long[] n = {0};
            statements(dataset, scope, format.keepsGraphs(), st -> n[0]++);
            return n[0];
        });
    }

    private static String describe(ExportScope scope, DumpFormat format) {
        String what = scope.content() == ExportScope.Content.SKOS ? "SKOS thesaurus (concept scheme, concepts, labels,"
                + " definitions, hierarchy)" : "asserted data of " + scope.graphs().size() + " public source graph(s)";
        return what + (format.keepsGraphs() ? ", one named graph per source file" : ", graphs merged")
                + "; the entailment graph is not included. Licence: CC BY 4.0.";
    }

    /** Feeds the scope's statements to the sink; must run inside a read transaction. */
    static void statements(DatasetGraph dataset, ExportScope scope, boolean keepGraphs, Consumer<Statement> sink) {
        List<Node> graphs = scope.graphs().stream().map(NodeFactory::createURI).toList();
        if (scope.content() == ExportScope.Content.SKOS) {
            skosStatements(dataset, graphs, sink);
            return;
        }
        for (int i = 0; i < graphs.size(); i++) {
            Node g = graphs.get(i);
            List<Node> earlier = graphs.subList(0, i);
            Iterator<Quad> it = dataset.find(g, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (keepGraphs) {
                    sink.accept(JenaToRio.statement(g, q.asTriple()));
                } else if (!inAny(dataset, earlier, q)) {
                    sink.accept(JenaToRio.statement(null, q.asTriple()));
                }
            }
        }
    }

    private static boolean inAny(DatasetGraph dataset, List<Node> graphs, Quad q) {
        for (Node g : graphs) {
            if (dataset.contains(g, q.getSubject(), q.getPredicate(), q.getObject())) {
                return true;
            }
        }
        return false;
    }

    private static final String SKOS_NS = SKOS.getURI();
    private static final Set<Node> SCHEME_EXTRAS = Set.of(RDFS.label.asNode(), DCTerms.title.asNode(),
            DCTerms.license.asNode(), DCTerms.description.asNode(), DCTerms.creator.asNode(), DCTerms.publisher.asNode());

    /** Concepts and schemes of the public graphs, each with an explicit type and its SKOS statements. */
    private static void skosStatements(DatasetGraph dataset, List<Node> graphs, Consumer<Statement> sink) {
        Node type = RDF.type.asNode();
        Node entailments = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
        List<Node> typeGraphs = new ArrayList<>(graphs);
        typeGraphs.add(entailments); // lg:LabourForm ⊑ skos:Concept: the entailment graph states the SKOS type
        for (Node kind : List.of(SKOS.ConceptScheme.asNode(), SKOS.Concept.asNode())) {
            Set<Node> subjects = new LinkedHashSet<>();
            for (Node g : typeGraphs) {
                dataset.find(g, Node.ANY, type, kind).forEachRemaining(q -> subjects.add(q.getSubject()));
            }
            for (Node s : subjects) {
                if (!describedIn(dataset, graphs, s)) {
                    continue; // typed by the entailments only, e.g. from a private graph: not public
                }
                sink.accept(JenaToRio.statement(null, Triple.create(s, type, kind)));
                Set<Triple> seen = new LinkedHashSet<>();
                for (Node g : graphs) {
                    dataset.find(g, s, Node.ANY, Node.ANY).forEachRemaining(q -> {
                        Node p = q.getPredicate();
                        boolean wanted = p.getURI().startsWith(SKOS_NS)
                                || (kind.equals(SKOS.ConceptScheme.asNode()) && SCHEME_EXTRAS.contains(p));
                        if (wanted && seen.add(q.asTriple())) {
                            sink.accept(JenaToRio.statement(null, q.asTriple()));
                        }
                    });
                }
            }
        }
    }

    private static boolean describedIn(DatasetGraph dataset, List<Node> graphs, Node s) {
        for (Node g : graphs) {
            if (dataset.contains(g, s, Node.ANY, Node.ANY)) {
                return true;
            }
        }
        return false;
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
