package org.labourgraph.history;

import org.apache.jena.graph.Node;

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
}
