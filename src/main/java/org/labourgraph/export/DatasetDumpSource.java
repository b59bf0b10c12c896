package org.labourgraph.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.labourgraph.store.LabourStore;

/**
 * A dump read from the embedded dataset's indexes, in one read transaction: statements go from the indexes to the
 * writer one at a time; a triple stated in an earlier graph is found by index look-up; the SKOS view holds the IRIs of
 * the concepts, nothing else.
 */
public final class DatasetDumpSource implements DumpSource {
    private final DatasetGraph dataset;

    public DatasetDumpSource(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public List<String> publicGraphs() {
        return ExportScope.publicGraphs(dataset);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return Txn.calculateRead(dataset, work);
    }

    @Override
    public void triples(Node graph, List<Node> except, Consumer<Triple> sink) {
        Iterator<Quad> it = dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            Triple t = it.next().asTriple();
            if (!inAny(except, t.getSubject(), t.getPredicate(), t.getObject())) {
                sink.accept(t);
            }
        }
    }

    private boolean inAny(List<Node> graphs, Node s, Node p, Node o) {
        for (Node g : graphs) {
            if (dataset.contains(g, s, p, o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void skos(List<Node> graphs, Consumer<Triple> sink) {
        Node type = SkosView.TYPE;
        List<Node> typeGraphs = new ArrayList<>(graphs);
        typeGraphs.add(NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH)); // lg:LabourForm ⊑ skos:Concept: the entailments state the type
        for (Node kind : SkosView.KINDS) {
            Set<Node> subjects = new LinkedHashSet<>();
            for (Node g : typeGraphs) {
                dataset.find(g, Node.ANY, type, kind).forEachRemaining(q -> subjects.add(q.getSubject()));
            }
            for (Node s : subjects) {
                if (!inAny(graphs, s, Node.ANY, Node.ANY)) {
                    continue; // typed by the entailments only, e.g. from a private graph: not public
                }
                sink.accept(Triple.create(s, type, kind));
                Set<Triple> seen = new LinkedHashSet<>();
                for (Node g : graphs) {
                    dataset.find(g, s, Node.ANY, Node.ANY).forEachRemaining(q -> {
                        if (SkosView.wanted(kind, q.getPredicate()) && seen.add(q.asTriple())) {
                            sink.accept(q.asTriple());
                        }
                    });
                }
            }
        }
    }
}
