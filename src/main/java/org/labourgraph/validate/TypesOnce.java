package org.labourgraph.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of an inferring graph that works out the types of a resource once. SHACL asks, for every shape with
 * a target class, whether the focus node has that type; under RDFS inference each such question re-reads every
 * statement whose predicate's domain or range gives a type (all the links into a concept), so a change checked against
 * twenty shapes read them twenty times. The view lives as long as one check: it never sees a later change.
 */
final class TypesOnce extends WrappedGraph {
    private static final Node TYPE = RDF.type.asNode();
    private final Map<Node, Set<Node>> types = new HashMap<>();

    TypesOnce(Graph inferring) {
        super(inferring);
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (s != null && s.isConcrete() && TYPE.equals(p)) {
            Set<Node> known = typesOf(s);
            if (o != null && o.isConcrete()) {
                return known.contains(o) ? WrappedIterator.create(java.util.List.of(Triple.create(s, p, o)).iterator())
                        : WrappedIterator.emptyIterator();
            }
            return WrappedIterator.create(known.stream().map(t -> Triple.create(s, TYPE, t)).iterator());
        }
        return super.find(s, p, o);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
        return find(pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        if (s != null && s.isConcrete() && TYPE.equals(p) && o != null && o.isConcrete()) {
            return typesOf(s).contains(o);
        }
        return super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }

    private Set<Node> typesOf(Node s) {
        return types.computeIfAbsent(s, k -> base.find(k, TYPE, Node.ANY).mapWith(Triple::getObject).toSet());
    }
}
