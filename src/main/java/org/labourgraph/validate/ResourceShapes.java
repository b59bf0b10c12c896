package org.labourgraph.validate;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;

/**
 * The project's shapes run on a few resources of a large graph — what a change is checked against before it commits.
 * The data graph is seen through RDFS inference (as {@code validate} materialises it), computed on demand for the
 * statements the shapes read instead of copied whole.
 */
public final class ResourceShapes {
    /** Every shape, but for the label-uniqueness constraint when it is checked apart ({@link #labels}). */
    private final Shapes shapes;
    private final Optional<LabelUniqueness> labels;

    private ResourceShapes(Graph shapesGraph) {
        Graph rest = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        this.labels = LabelUniqueness.split(shapesGraph, rest);
        this.shapes = Shapes.parse(labels.isPresent() ? rest : shapesGraph);
    }

    /** The shapes of {@code shapesFile} (ontology/shapes.ttl); empty when there is no such file. */
    public static Optional<ResourceShapes> load(Optional<Path> shapesFile) {
        if (shapesFile.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ResourceShapes(SourceParser.parse(shapesFile.get())));
        } catch (RdfSyntaxException e) {
            throw new IllegalStateException("The shapes file " + shapesFile.get() + " does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * The findings about {@code resources} in {@code data} (empty: they conform). Whether a label also names another
     * concept is asked of {@code labelIndex} (see {@link LabelLookup}), with {@code resources} as further candidates.
     */
    public List<Finding> check(Graph data, Collection<Node> resources, LabelLookup labelIndex) {
        List<Node> targeted = resources.stream().filter(n -> isTargetable(data, n)).toList();
        if (targeted.isEmpty()) {
            return List.of();
        }
        var schema = RDFSFactory.setupRDFS(data);
        Graph inferred = new TypesOnce(RDFSFactory.graphRDFS(data, schema), data, schema);
        List<Finding> findings = new java.util.ArrayList<>(ShaclCheck.runOn(shapes, inferred, targeted));
        labels.ifPresent(l -> targeted.forEach(focus -> findings.addAll(l.check(inferred, focus, labelIndex, resources))));
        return findings;
    }

    /**
     * Whether any shape could target {@code n}: it has a type (sh:targetClass), is named (sh:targetNode), or uses a
     * predicate of sh:targetSubjectsOf / sh:targetObjectsOf. Untyped, unnamed resources (bulk imports of plain
     * statements) skip the validator altogether.
     */
    private boolean isTargetable(Graph data, Node n) {
        Graph sg = shapes.getGraph();
        if (data.contains(n, RDF.type.asNode(), Node.ANY) || sg.contains(Node.ANY, SHACL.targetNode, n)) {
            return true;
        }
        for (Node p : sg.find(Node.ANY, SHACL.targetSubjectsOf, Node.ANY).mapWith(t -> t.getObject()).toList()) {
            if (data.contains(n, p, Node.ANY)) {
                return true;
            }
        }
        for (Node p : sg.find(Node.ANY, SHACL.targetObjectsOf, Node.ANY).mapWith(t -> t.getObject()).toList()) {
            if (data.contains(Node.ANY, p, n)) {
                return true;
            }
        }
        return false;
    }
}
