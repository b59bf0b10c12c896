package org.labourgraph.export;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/** Test helper: RDF4J statements back into Jena quads. */
final class RioToJena {
    private RioToJena() {}

    static Quad quad(Statement st) {
        Node g = st.getContext() == null ? Quad.defaultGraphIRI : node(st.getContext());
        return Quad.create(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
    }

    static Node node(Value v) {
        if (v instanceof IRI iri) {
            return NodeFactory.createURI(iri.stringValue());
        }
        if (v instanceof BNode b) {
            return NodeFactory.createBlankNode(b.getID());
        }
        Literal l = (Literal) v;
        if (l.getLanguage().isPresent()) {
            return NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get());
        }
        return NodeFactory.createLiteralDT(l.getLabel(),
                org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
    }
}
