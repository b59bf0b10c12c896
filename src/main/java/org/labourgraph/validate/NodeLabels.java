package org.labourgraph.validate;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Human names for the nodes findings mention, so messages read "micro-work" rather than only an IRI. */
final class NodeLabels {
    private static final List<Node> LABEL_PROPERTIES = List.of(
            SKOS.prefLabel.asNode(),
            RDFS.label.asNode(),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"),
            NodeFactory.createURI("https://schema.org/name"),
            NodeFactory.createURI("http://purl.org/dc/terms/title"));
    /** English first (the message language), then French, then any. */
    private static final List<String> LANGUAGES = List.of("en", "fr");

    private NodeLabels() {}

    /** The node's label, or null when it has none. */
    static String labelOf(Graph graph, Node node) {
        if (node == null || node.isLiteral()) {
            return null;
        }
        for (Node property : LABEL_PROPERTIES) {
            List<Node> labels = graph.find(node, property, Node.ANY).mapWith(Triple::getObject)
                    .filterKeep(Node::isLiteral).toList();
            for (String language : LANGUAGES) {
                for (Node label : labels) {
                    if (label.getLiteralLanguage().equalsIgnoreCase(language)) {
                        return label.getLiteralLexicalForm();
                    }
                }
            }
            if (!labels.isEmpty()) {
                return labels.get(0).getLiteralLexicalForm();
            }
        }
        return null;
    }

    /** {@code lgc:micro-work “micro-work”}, or just the short IRI when unlabelled. */
    static String describe(Graph graph, Node node) {
        String name = nameOf(node);
        String label = labelOf(graph, node);
        return label == null ? name : name + " “" + label + "”";
    }

    /** The node as a finding's focus: a full IRI, {@code _:label} for a blank node, or the literal. */
    static String focusOf(Node node) {
        if (node == null) {
            return null;
        }
        if (node.isURI()) {
            return node.getURI();
        }
        if (node.isBlank()) {
            return "_:" + node.getBlankNodeLabel();
        }
        return node.toString();
    }

    /** The node in short form: a prefixed IRI where the project has a prefix for it. */
    static String nameOf(Node node) {
        return node != null && node.isURI() ? ProjectPrefixes.compact(node.getURI()) : focusOf(node);
    }
}
