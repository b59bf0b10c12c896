package org.labourgraph.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceParser;
import org.labourgraph.source.SourceSet;

/**
 * The project's ontology/ and data/ files as the store must hold them: parsed before any transaction (a syntax
 * error writes nothing), each file its own named graph, with the graphs a former version had and this one has not.
 * Written by the start-up sync, and by {@code load} into a store folder in the load's own transaction, so that the
 * first start after a load has nothing left to write.
 */
final class SourceGraphs {
    private final String contentHash;
    private final Map<String, Graph> graphs;
    private final List<String> stale;

    private SourceGraphs(String contentHash, Map<String, Graph> graphs, List<String> stale) {
        this.contentHash = contentHash;
        this.graphs = graphs;
        this.stale = stale;
    }

    /** The sources to write, or empty when the store already holds exactly these files (same content hash). */
    static Optional<SourceGraphs> pending(SourceSet sources, Optional<StoreState> previous) throws RdfSyntaxException {
        String hash = sources.contentHash();
        if (previous.isPresent() && previous.get().contentHash().equals(hash)) {
            return Optional.empty();
        }
        Map<String, Graph> graphs = new LinkedHashMap<>();
        for (SourceFile file : sources.files()) {
            graphs.put(file.graphIri(), SourceParser.parse(file.path()));
        }
        VisibilityGuard.requirePublic(graphs);
        List<String> stale = new ArrayList<>(previous.map(StoreState::sourceGraphs).orElse(List.of()));
        stale.removeAll(graphs.keySet());
        return Optional.of(new SourceGraphs(hash, graphs, List.copyOf(stale)));
    }

    /** Replaces each source graph and removes the stale ones; in the caller's write transaction. */
    void writeInto(DatasetGraph dataset) {
        stale.forEach(g -> dataset.removeGraph(NodeFactory.createURI(g)));
        graphs.forEach((iri, content) -> {
            Node g = NodeFactory.createURI(iri);
            dataset.removeGraph(g);
            content.find().forEachRemaining(t -> dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /** What to record in the store folder once the transaction that wrote them committed. */
    StoreState state() {
        return new StoreState(contentHash, List.copyOf(graphs.keySet()));
    }

    int files() {
        return graphs.size();
    }

    long triples() {
        return graphs.values().stream().mapToLong(Graph::size).sum();
    }
}
