package org.labourgraph.export;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/** Turns Jena nodes into RDF4J values, one term at a time (nothing is collected). */
final class JenaToRio {
    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private JenaToRio() {}

    static Statement statement(Node graph, Triple t) {
        Resource context = graph == null ? null : resource(graph);
        return VF.createStatement(resource(t.getSubject()), VF.createIRI(t.getPredicate().getURI()), value(t.getObject()), context);
    }

    static Resource resource(Node n) {
        if (n.isURI()) {
            return VF.createIRI(n.getURI());
        }
        if (n.isBlank()) {
            return VF.createBNode(BlankNodeLabels.dumped(n.getBlankNodeLabel()));
        }
        throw new IllegalArgumentException("Not a subject or graph name: " + n);
    }

    static Value value(Node n) {
        if (n.isURI() || n.isBlank()) {
            return resource(n);
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return VF.createLiteral(n.getLiteralLexicalForm(), lang);
            }
            String dt = n.getLiteralDatatypeURI();
            if (dt == null || dt.equals(XSDDatatype.XSDstring.getURI())) {
                return VF.createLiteral(n.getLiteralLexicalForm());
            }
            return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(dt));
        }
        throw new IllegalArgumentException("Unsupported RDF term (triple terms are not exported): " + n);
    }
}
