package org.labourgraph.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathWriter;
import org.labourgraph.validate.Finding.Check;

/** SHACL conformance of the (RDFS-entailed) data against the project's shapes: one finding per result. */
final class ShaclCheck {
    private ShaclCheck() {}

    /**
     * @param entailed the union with RDFS entailment materialised, so that {@code sh:targetClass skos:Concept}
     *                 also reaches instances of its sub-classes and shapes on super-properties see sub-properties
     */
    static List<Finding> run(Shapes shapes, Graph entailed) {
        org.apache.jena.shacl.ValidationReport report = ShaclValidator.get().validate(shapes, entailed);
        List<Finding> findings = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            findings.add(toFinding(entry, shapes, entailed));
        }
        return findings;
    }

    /** As {@link #run}, for the given focus nodes only (each against the shapes that target it). */
    static List<Finding> runOn(Shapes shapes, Graph entailed, java.util.Collection<Node> focusNodes) {
        List<Finding> findings = new ArrayList<>();
        for (Node focus : focusNodes) {
            for (ReportEntry entry : ShaclValidator.get().validate(shapes, entailed, focus).getEntries()) {
                findings.add(toFinding(entry, shapes, entailed));
            }
        }
        return findings;
    }

    private static Finding toFinding(ReportEntry entry, Shapes shapes, Graph entailed) {
        Node focus = entry.focusNode();
        StringBuilder message = new StringBuilder();
        if (entry.severity() != null && !Severity.Violation.equals(entry.severity())) {
            message.append('[').append(entry.severity().level().getLocalName()).append("] ");
        }
        message.append(ProjectPrefixes.compactAll(entry.message()));
        if (entry.value() != null && !entry.value().equals(focus)) {
            message.append(" — value ").append(ProjectPrefixes.compactAll(valueText(entry.value())));
        }
        String label = NodeLabels.labelOf(entailed, focus);
        List<String> context = new ArrayList<>();
        if (label != null) {
            context.add("“" + label + "”");
        }
        Node shape = namedShape(shapes, entry.source());
        if (shape != null) {
            context.add("shape " + NodeLabels.nameOf(shape));
        }
        if (!context.isEmpty()) {
            message.append(" (").append(String.join(", ", context)).append(')');
        }
        return new Finding(Check.SHACL, NodeLabels.focusOf(focus), pathText(entry.resultPath()), message.toString());
    }

    /** The shape to name in a message: a blank property shape is named by the node shape holding it. */
    private static Node namedShape(Shapes shapes, Node source) {
        if (source == null || !source.isBlank()) {
            return source;
        }
        Graph shapesGraph = shapes.getGraph();
        List<Node> holders = shapesGraph.find(Node.ANY, SHACL.property, source).mapWith(Triple::getSubject).toList();
        return holders.size() == 1 && holders.get(0).isURI() ? holders.get(0) : null;
    }

    private static String valueText(Node value) {
        return value.isURI() ? "<" + value.getURI() + ">" : value.toString();
    }

    /** A plain property as its IRI; a complex path in SPARQL syntax with full IRIs. */
    private static String pathText(Path path) {
        if (path == null) {
            return null;
        }
        if (path instanceof P_Link link) {
            return link.getNode().getURI();
        }
        return PathWriter.asString(path);
    }
}
