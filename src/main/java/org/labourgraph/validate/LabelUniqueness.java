package org.labourgraph.validate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The shapes' label-uniqueness constraint ({@code lgsh:LabelNamesOneConcept}) on a few resources of a large graph. As
 * written, its query reads every label of the store for each resource; here the same constraint runs on a small graph
 * holding the resource and only the other resources an index says may share one of its labels, so the findings are
 * those of the constraint, at the cost of one look-up per label.
 */
final class LabelUniqueness {
    static final String CONSTRAINT = "https://w3id.org/labourgraph/shapes#LabelNamesOneConcept";
    private static final List<Node> LABELS = List.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode());

    /** The shapes holding only the constraint (with the targets of the shapes that use it). */
    private final Shapes alone;

    private LabelUniqueness(Shapes alone) {
        this.alone = alone;
    }

    /** Splits {@code shapesGraph}: the constraint on its own, and (returned in {@code rest}) every other shape and constraint. */
    static Optional<LabelUniqueness> split(Graph shapesGraph, Graph rest) {
        Node constraint = org.apache.jena.graph.NodeFactory.createURI(CONSTRAINT);
        List<Node> users = shapesGraph.find(Node.ANY, SHACL.sparql, constraint).mapWith(Triple::getSubject).toList();
        shapesGraph.find().forEachRemaining(rest::add);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        Graph alone = GraphFactory.createDefaultGraph();
        shapesGraph.getPrefixMapping().getNsPrefixMap().forEach(alone.getPrefixMapping()::setNsPrefix);
        for (Node shape : users) {
            rest.delete(Triple.create(shape, SHACL.sparql, constraint));
            alone.add(Triple.create(shape, RDF.type.asNode(), SHACL.NodeShape));
            for (Node target : List.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf, SHACL.targetObjectsOf)) {
                shapesGraph.find(shape, target, Node.ANY).forEachRemaining(alone::add);
            }
            alone.add(Triple.create(shape, SHACL.sparql, constraint));
        }
        copyDescription(shapesGraph, constraint, alone);
        return Optional.of(new LabelUniqueness(Shapes.parse(alone)));
    }

    /** The subject's statements, and those of the blank nodes and prefix declarations they reach. */
    private static void copyDescription(Graph from, Node subject, Graph into) {
        from.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (into.contains(t)) {
                return;
            }
            into.add(t);
            if (t.getObject().isBlank() || t.getPredicate().equals(SHACL.prefixes) || t.getPredicate().equals(SHACL.declare)) {
                copyDescription(from, t.getObject(), into);
            }
        });
    }

    /**
     * The constraint's findings about {@code focus} in {@code data}; {@code alsoCandidates} are resources whose labels the
     * index may not know yet (those the running change touches).
     */
    List<Finding> check(Graph data, Node focus, LabelLookup lookup, Collection<Node> alsoCandidates) {
        Set<Node> candidates = new HashSet<>(alsoCandidates);
        List<String> labels = new java.util.ArrayList<>();
        boolean allLiterals = true;
        for (Node p : LABELS) {
            for (Triple t : data.find(focus, p, Node.ANY).toList()) {
                allLiterals &= t.getObject().isLiteral();
                if (t.getObject().isLiteral()) {
                    labels.add(t.getObject().getLiteralLexicalForm());
                }
            }
        }
        Optional<Set<Node>> found = allLiterals ? lookup.resourcesPossiblyLabelled(labels) : Optional.empty();
        if (found.isEmpty()) {
            return ShaclCheck.runOn(alone, data, List.of(focus)); // the index cannot say: the constraint as written
        }
        candidates.addAll(found.get());
        // Of the focus, what the constraint and its shapes' targets read: labels, types, retirement. Not all its
        // statements: a concept near the top of a large tree has tens of thousands of entailed ones.
        Graph near = GraphFactory.createDefaultGraph();
        for (Node p : LABELS) {
            data.find(focus, p, Node.ANY).forEachRemaining(near::add);
        }
        data.find(focus, RDF.type.asNode(), Node.ANY).forEachRemaining(near::add);
        data.find(focus, OWL.deprecated.asNode(), Node.ANY).forEachRemaining(near::add);
        candidates.remove(focus);
        for (Node other : candidates) {
            for (Node p : LABELS) {
                data.find(other, p, Node.ANY).forEachRemaining(near::add);
            }
            data.find(other, RDF.type.asNode(), SKOS.Concept.asNode()).forEachRemaining(near::add);
            data.find(other, OWL.deprecated.asNode(), Node.ANY).forEachRemaining(near::add);
        }
        return ShaclCheck.runOn(alone, near, List.of(focus));
    }
}
