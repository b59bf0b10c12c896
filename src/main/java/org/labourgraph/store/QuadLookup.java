package org.labourgraph.store;

import java.util.Collection;
import java.util.List;
import org.apache.jena.sparql.core.Quad;

/**
 * A store this process reads only by asking (an external SPARQL store): the quads matching one pattern, and, for a
 * store where each question is a round trip, a way to ask many at once before they are needed.
 */
public interface QuadLookup {
    /** The quads matching {@code pattern} ({@code Node.ANY} for a free term; the graph ANY for every graph read). */
    List<Quad> find(Quad pattern);

    /** Asks for {@code patterns} (graph ANY) together, so that the {@link #find}s that follow need no round trip. */
    default void prefetch(Collection<Quad> patterns) {
        // Nothing to gain where each lookup is local.
    }
}
