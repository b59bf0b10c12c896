package org.labourgraph.web.browse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphQuads;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteQuadsWithBlankNodes;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.store.EntailmentChange;
import org.labourgraph.vocab.LG;

/**
 * An external store as it stood after one revision, for the pages' queries: the store as it is now, read by lookups
 * ({@link RemoteQuadsWithBlankNodes}: one query per pattern, answers kept for this request, the statements of the blank
 * nodes met brought with them, since they cannot be named later), with the revisions
 * after that one undone in memory, newest first, and what undoing them does to the entailment graph worked out by the
 * same delete-and-rederive the front-ends use on a write ({@link EntailmentChange}). So a page reads here what the
 * embedded store's state at that revision ({@code history/RevisionStates}) holds, and only what its queries ask is
 * fetched. The default graph is the union of the named graphs, as on the served dataset. Read-only, one request.
 * A later revision's statements with a blank node cannot be matched to the store's own (a write through a front-end
 * cannot delete them either), so undoing such an insertion leaves them in.
 */
final class ExternalStoreAtRevision extends DatasetGraphQuads {
    private final RemoteQuadsWithBlankNodes store;
    private final List<Node> graphs;
    /** The newest revision when this state was made: the store must still be there when the page is done. */
    private final long head;
    /** Quads the revisions after this one deleted (so they are here) and the entailments that come with them. */
    private final Set<Quad> added = new LinkedHashSet<>();
    /** Quads the revisions after this one added (so they are not here yet) and the entailments that go with them. */
    private final Set<Quad> deleted = new LinkedHashSet<>();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    private ExternalStoreAtRevision(RemoteQuadsWithBlankNodes store, List<Node> graphs, long head) {
        this.store = store;
        this.graphs = graphs;
        this.head = head;
    }

    /** The newest revision of the log when this state was made; the lookups read the store as it is at that one. */
    long head() {
        return head;
    }

    /**
     * The store at revision {@code number} (1 … head) of {@code log}.
     *
     * @throws IllegalArgumentException when there is no such revision
     */
    static ExternalStoreAtRevision of(RemoteSparqlService remote, RevisionLog log, long number) {
        List<Revision> revisions = log.revisions();
        if (number < 1 || number > revisions.size()) {
            throw new IllegalArgumentException("There is no revision " + number + ": the history has " + revisions.size() + " revisions.");
        }
        Set<Node> names = new LinkedHashSet<>();
        remote.namedDataGraphs().forEach(g -> names.add(NodeFactory.createURI(g)));
        Node entailments = NodeFactory.createURI(LG.ENTAILMENT_GRAPH);
        names.add(entailments);
        ExternalStoreAtRevision state = new ExternalStoreAtRevision(new RemoteQuadsWithBlankNodes(remote, LG.ENTAILMENT_GRAPH),
                List.copyOf(names), revisions.size());
        for (int i = revisions.size() - 1; i >= number; i--) { // revision i + 1, newest first
            Revision later = revisions.get(i);
            later.added().forEach(state::takeOut);
            later.deleted().forEach(state::putBack);
        }
        RemoteQuads lookups = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH); // as a front-end's write follows its entailments
        if ((!state.added.isEmpty() || !state.deleted.isEmpty()) && lookups.holdsAny(entailments)) {
            UpdateDeltas.Delta entailed = EntailmentChange.of(lookups::find, entailments, List.copyOf(state.added),
                    List.copyOf(state.deleted));
            entailed.deleted().forEach(state::takeOut);
            entailed.added().forEach(state::putBack);
        }
        return state;
    }

    private void takeOut(Quad q) {
        if (!added.remove(q)) {
            deleted.add(q);
        }
    }

    private void putBack(Quad q) {
        if (!deleted.remove(q)) {
            added.add(q);
        }
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        boolean union = g == null || Quad.isDefaultGraph(g) || Quad.isUnionGraph(g);
        Quad pattern = Quad.create(union || g == Node.ANY ? Node.ANY : g, any(s), any(p), any(o));
        Set<Quad> out = new LinkedHashSet<>();
        for (Quad q : store.find(pattern)) {
            if (!deleted.contains(q)) {
                out.add(q);
            }
        }
        for (Quad q : added) {
            if (q.matches(pattern.getGraph(), pattern.getSubject(), pattern.getPredicate(), pattern.getObject())) {
                out.add(q);
            }
        }
        if (!union) {
            return out.iterator();
        }
        // The union graph: each statement once, whichever graphs hold it.
        Map<Triple, Quad> triples = new LinkedHashMap<>();
        out.forEach(q -> triples.putIfAbsent(q.asTriple(), Quad.create(Quad.defaultGraphIRI, q.asTriple())));
        return new ArrayList<>(triples.values()).iterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(g == null ? Node.ANY : g, s, p, o);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> all = new LinkedHashSet<>(graphs);
        added.forEach(q -> all.add(q.getGraph()));
        return all.iterator();
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode) || graphs.contains(graphNode)
                || added.stream().anyMatch(q -> q.getGraph().equals(graphNode));
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Quad quad) {
        throw new UnsupportedOperationException("A past state of the store is read-only");
    }

    @Override
    public void delete(Quad quad) {
        throw new UnsupportedOperationException("A past state of the store is read-only");
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
    public PrefixMap prefixes() {
        return prefixes;
    }

    // Read by one request's queries, in turn: the transactions the query runner opens have nothing to isolate.
    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public void begin(TxnType type) {
        // Nothing to isolate: see above.
    }

    @Override
    public void begin(ReadWrite readWrite) {
        // Nothing to isolate: see above.
    }

    @Override
    public boolean promote(Promote mode) {
        return false;
    }

    @Override
    public void commit() {
        // Nothing was written.
    }

    @Override
    public void abort() {
        // Nothing was written.
    }

    @Override
    public void end() {
        // Nothing was begun.
    }

    @Override
    public ReadWrite transactionMode() {
        return null;
    }

    @Override
    public TxnType transactionType() {
        return null;
    }

    @Override
    public boolean isInTransaction() {
        return false;
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }
}
