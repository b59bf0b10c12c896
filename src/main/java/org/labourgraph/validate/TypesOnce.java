package org.labourgraph.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.rdfs.setup.ConfigRDFS;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of an RDFS-inferring graph that works out the types of a resource once, and by index probes. SHACL
 * asks, for every shape with a target class, whether the focus node has that type; Jena's RDFS answer lists every
 * statement whose predicate's domain or range gives a type, so for the top concept of a large tree it walked every
 * {@code broaderTransitive} link into it, for each shape. Here a type from a range or a domain costs one
 * {@code contains} per property that declares one. The view lives as long as one check: it never sees a later change.
 */
final class TypesOnce extends WrappedGraph {
    private static final Node TYPE = RDF.type.asNode();
    private final Graph data;
    private final ConfigRDFS<Node> schema;
    private final Map<Node, Set<Node>> types = new HashMap<>();

    /**
     * @param inferring {@code data} seen through RDFS inference with {@code schema} (what every other question reads)
     * @param data the statements themselves
     */
    TypesOnce(Graph inferring, Graph data, ConfigRDFS<Node> schema) {
        super(inferring);
        this.data = data;
        this.schema = schema;
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
        return types.computeIfAbsent(s, this::inferTypes);
    }

    /** Stated types, the domains of the properties it has, the ranges of those pointing at it; then their super-classes. */
    private Set<Node> inferTypes(Node s) {
        Set<Node> direct = new HashSet<>(data.find(s, TYPE, Node.ANY).mapWith(Triple::getObject).toList());
        schema.getPropertyDomains().forEach((p, domains) -> {
            if (!direct.containsAll(domains) && data.contains(s, p, Node.ANY)) {
                direct.addAll(domains);
            }
        });
        if (!s.isLiteral()) {
            schema.getPropertyRanges().forEach((p, ranges) -> {
                if (!direct.containsAll(ranges) && data.contains(Node.ANY, p, s)) {
                    direct.addAll(ranges);
                }
            });
        }
        Set<Node> all = new HashSet<>();
        direct.forEach(t -> {
            all.add(t);
            all.addAll(schema.getSuperClassesInc(t));
        });
        return all;
    }
}
