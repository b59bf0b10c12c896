package org.labourgraph.export;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/**
 * What a dump holds: the public asserted graphs (one per source file), or one of them, either whole or as
 * the SKOS thesaurus only.
 *
 * <p>Decision (said in the VoID description too): dumps hold what the sources assert, never the entailment
 * graph {@code lgg:entailments} — it is recomputed from the sources by any RDFS/SKOS reasoner, and the
 * endpoint shows it. A graph is public unless it is stated {@code lg:visibility lg:Private} (the hardening
 * issue's private notes); private graphs are never exported.
 */
public record ExportScope(List<String> graphs, Content content) {

    /** Whole graphs, or only the SKOS view (scheme, concepts, labels, definitions, hierarchy). */
    public enum Content { ALL, SKOS }

    public ExportScope {
        graphs = List.copyOf(graphs);
    }

    /** Every public source graph, whole. */
    public static ExportScope allPublic(DatasetGraph dataset) {
        return new ExportScope(publicGraphs(dataset), Content.ALL);
    }

    /** The SKOS thesaurus of every public graph. */
    public static ExportScope skos(DatasetGraph dataset) {
        return new ExportScope(publicGraphs(dataset), Content.SKOS);
    }

    /** Every public graph of {@code source}, whole. */
    public static ExportScope allPublic(DumpSource source) {
        return new ExportScope(source.publicGraphs(), Content.ALL);
    }

    /** The SKOS thesaurus of every public graph of {@code source}. */
    public static ExportScope skos(DumpSource source) {
        return new ExportScope(source.publicGraphs(), Content.SKOS);
    }

    /** One named graph; refused when it does not exist, is private or is the entailment graph. */
    public static ExportScope graph(DatasetGraph dataset, String graphIri) {
        List<String> graphs = publicGraphs(dataset);
        if (!graphs.contains(graphIri)) {
            throw new IllegalArgumentException("No public source graph <" + graphIri + "> in the store; public graphs: "
                    + String.join(", ", graphs) + (graphIri.equals(LabourStore.ENTAILMENT_GRAPH)
                    ? " (the entailment graph is never exported: it is derived from these)" : ""));
        }
        return new ExportScope(List.of(graphIri), Content.ALL);
    }

    /** The store's public asserted graphs, sorted by IRI: every named graph but the entailments and private ones. */
    public static List<String> publicGraphs(DatasetGraph dataset) {
        Node entailments = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
        Node visibility = LG.visibility.asNode();
        Node privateVisibility = LG.Private.asNode();
        return Txn.calculateRead(dataset, () -> {
            List<String> out = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(g -> {
                if (g.isURI() && !g.equals(entailments) && !dataset.contains(g, Node.ANY, visibility, privateVisibility)) {
                    out.add(g.getURI());
                }
            });
            out.sort(null);
            return out;
        });
    }
}
