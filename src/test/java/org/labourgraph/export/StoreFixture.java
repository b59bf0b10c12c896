package org.labourgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.ProjectPaths;
import org.labourgraph.ShippedStore;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/**
 * The shipped ontology and data in an in-memory store, and the oracle the export tests compare with: what the
 * source files say, read straight from ontology/ and data/ by Jena's own parser at run time (never from the
 * store or from the export code under test, so a change to the data files changes the expectation with them).
 */
final class StoreFixture {
    private StoreFixture() {}

    static LabourStore loadedStore() {
        return ShippedStore.load();
    }

    /** Each source file's statements in the named graph it loads into (what quad dumps must hold). */
    static DatasetGraph publicQuads() {
        DatasetGraph out = DatasetGraphFactory.create();
        for (SourceFile file : SourceSet.discover(ProjectPaths.root()).files()) {
            Node graph = NodeFactory.createURI(file.graphIri());
            RDFParser.source(file.path()).toGraph().find().forEachRemaining(t -> out.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        return canonical(out);
    }

    /**
     * The same statements with typed literals in their canonical form ({@code "2"^^xsd:decimal} becomes
     * {@code "2.0"^^xsd:decimal}): TDB2 keeps numbers, dates and booleans as values, so what comes out of the
     * store is the canonical spelling of the value the file wrote. Applied to both sides of a comparison.
     */
    static DatasetGraph canonical(DatasetGraph dsg) {
        DatasetGraph out = DatasetGraphFactory.create();
        dsg.find().forEachRemaining(q -> out.add(q.getGraph(), q.getSubject(), q.getPredicate(),
                CanonicalizeLiteral.get().apply(q.getObject())));
        return out;
    }

    /** The merge of the source files, each triple once (what triple dumps must hold). */
    static Graph publicTriples() {
        Graph merged = GraphFactory.createDefaultGraph();
        publicQuads().find().forEachRemaining(q -> merged.add(q.asTriple()));
        return merged;
    }
}
