package org.labourgraph.export;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Where a dump's statements come from: the embedded dataset, read from its indexes ({@link DatasetDumpSource}), or any
 * SPARQL store, read by queries ({@link SparqlDumpSource}). {@link RdfExport} writes either the same way; each hands
 * its statements over as they are read, never holding a graph.
 */
public interface DumpSource {
    /** The public asserted graphs, sorted by IRI: never the entailment graph, never a private one. */
    List<String> publicGraphs();

    /** Runs {@code work} as one read of the data (one transaction on the embedded store). */
    <T> T read(Supplier<T> work);

    /** Every triple of {@code graph} that none of the graphs {@code except} states (none: every triple). */
    void triples(Node graph, List<Node> except, Consumer<Triple> sink);

    /**
     * The SKOS view of {@code graphs}: every concept scheme, then every concept, typed in them or in the entailment
     * graph and described in them, with its type and its {@code skos:} statements (a scheme also its title, label,
     * licence, description, creator and publisher). A statement may come more than once; writers and readers merge.
     */
    void skos(List<Node> graphs, Consumer<Triple> sink);
}
