package org.labourgraph.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.labourgraph.store.LabourStore;

/**
 * Triple pattern look-ups over the public data as the SPARQL endpoint's default graph shows it: the public
 * source graphs plus the entailment graph, each triple once. Streams through the store's indexes; a page skips
 * to its offset and counting stops at a cap (beyond it the count is an estimate, as TPF allows).
 */
public final class TriplePatterns {
    /** Counting past this many matches stops: the count becomes a lower-bound estimate. */
    public static final long COUNT_CAP = 100_000;

    private TriplePatterns() {}

    /** One page of matches and the (possibly estimated) total. */
    public record Page(List<Triple> triples, long total, boolean exact, boolean hasNext) {}

    /** The matches of (s, p, o) — each null or {@link Node#ANY} for "any" — from offset, at most limit of them. */
    public static Page find(DatasetGraph dataset, Node s, Node p, Node o, long offset, int limit) {
        Node subject = s == null ? Node.ANY : s;
        Node predicate = p == null ? Node.ANY : p;
        Node object = o == null ? Node.ANY : o;
        return Txn.calculateRead(dataset, () -> {
            List<Node> graphs = new ArrayList<>();
            ExportScope.publicGraphs(dataset).forEach(g -> graphs.add(NodeFactory.createURI(g)));
            graphs.add(NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH));
            List<Triple> page = new ArrayList<>();
            long seen = 0;
            boolean capped = false;
            outer:
            for (int i = 0; i < graphs.size(); i++) {
                List<Node> earlier = graphs.subList(0, i);
                Iterator<Quad> it = dataset.find(graphs.get(i), subject, predicate, object);
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (inAny(dataset, earlier, q)) {
                        continue;
                    }
                    if (seen >= offset && page.size() < limit) {
                        page.add(q.asTriple());
                    }
                    seen++;
                    if (seen >= COUNT_CAP && seen >= offset + limit) {
                        capped = true;
                        break outer;
                    }
                }
            }
            boolean hasNext = capped || seen > offset + limit;
            return new Page(page, seen, !capped, hasNext);
        });
    }

    private static boolean inAny(DatasetGraph dataset, List<Node> graphs, Quad q) {
        for (Node g : graphs) {
            if (dataset.contains(g, q.getSubject(), q.getPredicate(), q.getObject())) {
                return true;
            }
        }
        return false;
    }
}
