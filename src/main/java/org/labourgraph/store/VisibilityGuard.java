package org.labourgraph.store;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.labourgraph.vocab.LG;

/**
 * Public loads refuse content that says it is private ({@code lg:visibility lg:Private}): such content goes in
 * with {@code labourgraph load --visibility private}, into the private store, never by mistake into the public one.
 */
final class VisibilityGuard {
    private VisibilityGuard() {}

    static void requirePublic(Map<String, Graph> graphs) {
        for (Map.Entry<String, Graph> e : graphs.entrySet()) {
            var it = e.getValue().find(Node.ANY, LG.visibility.asNode(), LG.Private.asNode());
            if (it.hasNext()) {
                Triple t = it.next();
                throw new StoreException("Graph <" + e.getKey() + "> marks <" + t.getSubject() + "> as private (lg:visibility lg:Private),"
                        + " but this load is public. Load private content with: labourgraph load --visibility private FILE…"
                        + " (server stopped). Nothing was written.");
            }
        }
    }
}
