package org.labourgraph.validate;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Finds the resources that may carry any of some labels, through an index, so that label uniqueness is checked with one
 * look-up for a resource's labels instead of a scan of every label in the store. The answer may hold more resources
 * than carry a label exactly (the caller checks each), never fewer; empty when the index cannot say (a label with no
 * indexable word, or more candidates than it returns at once): the caller then scans.
 */
@FunctionalInterface
public interface LabelLookup {
    Optional<Set<Node>> resourcesPossiblyLabelled(Collection<String> labels);
}
