package org.labourgraph.store;

import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphBaseFind;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

/**
 * What a curator reads: the public and the private databases as one read-only dataset. Its named graphs are
 * those of both, its default graph their union (as the public endpoint's default graph is the union of the
 * public ones). It is live — a graph added to either database after it was made is seen — and a read
 * transaction on it is a read transaction on both. Never handed to anything that serves the public.
 */
final class CuratorDataset extends DatasetGraphBaseFind {
    private final List<org.apache.jena.sparql.core.DatasetGraph> parts;
    private final Context context = new Context();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    CuratorDataset(org.apache.jena.sparql.core.DatasetGraph publicPart, org.apache.jena.sparql.core.DatasetGraph privatePart) {
        this.parts = List.of(publicPart, privatePart);
    }

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        Iterator<org.apache.jena.graph.Triple> triples = Iter.distinct(Iter.map(findInAnyNamedGraphs(s, p, o), Quad::asTriple));
        return Iter.map(triples, t -> Quad.create(Quad.defaultGraphIRI, t));
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return Iter.distinct(Iter.concat(parts.get(0).find(g, s, p, o), parts.get(1).find(g, s, p, o)));
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return Iter.concat(parts.get(0).findNG(Node.ANY, s, p, o), parts.get(1).findNG(Node.ANY, s, p, o));
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return Iter.distinct(Iter.concat(parts.get(0).listGraphNodes(), parts.get(1).listGraphNodes()));
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        throw readOnly();
    }

    @Override
    public void removeGraph(Node graphName) {
        throw readOnly();
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        throw readOnly();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("The curators' view is read-only: change the public data through /update"
                + " or /data, private notes through /curator/private");
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    public Context getContext() {
        return context;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) {
            throw readOnly();
        }
        parts.get(0).begin(TxnType.READ);
        try {
            parts.get(1).begin(TxnType.READ);
        } catch (RuntimeException e) {
            parts.get(0).end();
            throw e;
        }
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public boolean promote(Promote mode) {
        return false;
    }

    @Override
    public void commit() {
        parts.forEach(org.apache.jena.sparql.core.DatasetGraph::commit);
    }

    @Override
    public void abort() {
        parts.forEach(org.apache.jena.sparql.core.DatasetGraph::abort);
    }

    @Override
    public void end() {
        parts.forEach(org.apache.jena.sparql.core.DatasetGraph::end);
    }

    @Override
    public ReadWrite transactionMode() {
        return parts.get(0).transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return parts.get(0).transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return parts.get(0).isInTransaction();
    }

    @Override
    public void close() {
        // The databases belong to the LabourStore, which closes them.
    }
}
