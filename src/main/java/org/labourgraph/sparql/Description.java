package org.labourgraph.sparql;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.labourgraph.model.Person;
import org.labourgraph.model.ResourceView;

/**
 * A resource's description, built from one set of query rows: the RDF that its documents serve and the
 * record its page renders, so that HTML and RDF say the same thing. Empty when the store knows nothing of it.
 */
public record Description(ResourceView view, Graph graph, List<Person> creators) {
    public boolean isEmpty() {
        return graph.isEmpty();
    }
}
