package org.labourgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.history.PrecheckedWrites;

/**
 * Jena's text-indexed dataset, plus writes for callers that have just looked the quad up themselves (the history
 * recorder, the entailments): those go straight to TDB2 and to the index's producer, as Jena's own add and delete do
 * once their lookup has found the write is a real change. Every other write keeps Jena's check.
 */
final class PrecheckedTextDataset extends DatasetGraphText implements PrecheckedWrites {
    PrecheckedTextDataset(DatasetGraph base, TextIndex index, TextDocProducer producer) {
        super(base, index, producer, true);
        // As TextDatasetFactory does: text:query finds the index through the dataset's context.
        getContext().set(TextQuery.textIndex, index);
    }

    @Override
    public void addAbsent(Node g, Node s, Node p, Node o) {
        getWrapped().add(g, s, p, o);
        getMonitor().change(TextQuadAction.ADD, g, s, p, o);
    }

    @Override
    public void deletePresent(Node g, Node s, Node p, Node o) {
        getWrapped().delete(g, s, p, o);
        getMonitor().change(TextQuadAction.DELETE, g, s, p, o);
    }
}
