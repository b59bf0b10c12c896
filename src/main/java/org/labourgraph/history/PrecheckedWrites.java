package org.labourgraph.history;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A dataset whose writes can skip their own "is the quad there?" lookup when the caller has just made it. Jena's
 * text-indexed dataset looks each quad up before every add and delete; under the recorder, which has already looked,
 * that second B+tree search doubled the lookups of every write.
 */
public interface PrecheckedWrites {
    /** Adds a quad the caller has just found absent from the dataset. */
    void addAbsent(Node g, Node s, Node p, Node o);

    /** Deletes a quad the caller has just found present in the dataset. */
    void deletePresent(Node g, Node s, Node p, Node o);

    /** Adds a quad the caller has just found absent from {@code dataset}: without a second lookup if it allows it. */
    static void addAbsent(DatasetGraph dataset, Node g, Node s, Node p, Node o) {
        if (dataset instanceof PrecheckedWrites checked) {
            checked.addAbsent(g, s, p, o);
        } else {
            dataset.add(g, s, p, o);
        }
    }

    /** Deletes a quad the caller has just found present in {@code dataset}: without a second lookup if it allows it. */
    static void deletePresent(DatasetGraph dataset, Node g, Node s, Node p, Node o) {
        if (dataset instanceof PrecheckedWrites checked) {
            checked.deletePresent(g, s, p, o);
        } else {
            dataset.delete(g, s, p, o);
        }
    }
}
