package org.labourgraph.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.labourgraph.vocab.LG;

/**
 * Content visible only to curators (private notes and what is attached to them): a TDB2 database of its own,
 * beside the public one and never handed to anything that serves the public — the endpoint, pages, search,
 * dumps, dataset description, sitemap, reconciliation and fragments all read the public database only, so no
 * query, graph name or index can reach what is here. Not text-indexed, for the same reason.
 */
final class PrivateStore implements AutoCloseable {
    /** Entailments that private content adds (computed with the public data, minus what the public already holds). */
    static final String ENTAILMENT_GRAPH = LG.GRAPH_NS + "private/entailments";

    private final DatasetGraph tdb;
    private final Optional<Path> directory;

    private PrivateStore(DatasetGraph tdb, Optional<Path> directory) {
        this.tdb = tdb;
        this.directory = directory;
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    static PrivateStore open(Path dir) {
        return new PrivateStore(DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("tdb2"))), Optional.of(dir));
    }

    static PrivateStore inMemory() {
        return new PrivateStore(DatabaseMgr.createDatasetGraph(), Optional.empty());
    }

    DatasetGraph dataset() {
        return tdb;
    }

    /**
     * Imports {@code graphs} here, beside the public dataset (which does not change): its asserted and entailed
     * triples (the latter in {@code publicEntailmentGraph}) are what the private entailments build on.
     */
    long importBeside(DatasetGraph publicDataset, Node publicEntailmentGraph, Map<String, Graph> graphs, boolean replace) {
        Graph publicAsserted = GraphFactory.createDefaultGraph();
        Graph publicEntailed = GraphFactory.createDefaultGraph();
        Txn.executeRead(publicDataset, () -> publicDataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q ->
                (q.getGraph().equals(publicEntailmentGraph) ? publicEntailed : publicAsserted).add(q.asTriple())));
        return importGraphs(graphs, replace, publicAsserted, publicEntailed);
    }

    /** Number of quads here. */
    long quadCount() {
        return Txn.calculateRead(tdb, () -> {
            long n = 0;
            var it = tdb.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    /**
     * Writes the graphs in one transaction and recomputes the private entailments from the public asserted
     * triples and all private ones; returns how many triples were entailed.
     */
    long importGraphs(Map<String, Graph> graphs, boolean replace, Graph publicAsserted, Graph publicEntailed) {
        long[] entailed = {0};
        Txn.executeWrite(tdb, () -> {
            graphs.forEach((g, content) -> {
                Node name = NodeFactory.createURI(g);
                if (replace) {
                    tdb.removeGraph(name);
                }
                content.find().forEachRemaining(t -> tdb.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            });
            Node entailmentGraph = NodeFactory.createURI(ENTAILMENT_GRAPH);
            Graph asserted = GraphFactory.createDefaultGraph();
            GraphUtil.addInto(asserted, publicAsserted);
            tdb.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(entailmentGraph)) {
                    asserted.add(q.asTriple());
                }
            });
            Graph all = Entailments.embedded(asserted);
            tdb.removeGraph(entailmentGraph);
            all.find().forEachRemaining(t -> {
                if (!publicEntailed.contains(t)) {
                    tdb.add(entailmentGraph, t.getSubject(), t.getPredicate(), t.getObject());
                    entailed[0]++;
                }
            });
        });
        return entailed[0];
    }

    @Override
    public void close() {
        if (directory.isPresent()) {
            TDBInternal.expel(tdb);
        } else {
            tdb.close();
        }
    }
}
