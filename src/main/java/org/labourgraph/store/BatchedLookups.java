package org.labourgraph.store;

import java.util.Collection;
import org.apache.jena.sparql.core.Quad;

/**
 * A dataset whose lookups are round trips (an external store read through {@link ChangeOverlay}): the entailment rules
 * name the lookups they are about to make, so that they travel together. Local datasets do not implement it.
 */
interface BatchedLookups {
    /** Patterns (graph ANY) about to be looked up. */
    void prefetch(Collection<Quad> patterns);

    /** Prefetches {@code patterns} if {@code dataset} gains from it. */
    static void prefetch(Object dataset, Collection<Quad> patterns) {
        if (dataset instanceof BatchedLookups batched && !patterns.isEmpty()) {
            batched.prefetch(patterns);
        }
    }
}
