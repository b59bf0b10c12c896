package org.labourgraph.export;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** What the SKOS dump keeps of a concept or scheme (the rule {@code skos-statements.rq} states in SPARQL too). */
final class SkosView {
    static final Node TYPE = RDF.type.asNode();
    /** Schemes first, then concepts. */
    static final List<Node> KINDS = List.of(SKOS.ConceptScheme.asNode(), SKOS.Concept.asNode());
    private static final String SKOS_NS = SKOS.getURI();
    private static final Set<Node> SCHEME_EXTRAS = Set.of(RDFS.label.asNode(), DCTerms.title.asNode(),
            DCTerms.license.asNode(), DCTerms.description.asNode(), DCTerms.creator.asNode(), DCTerms.publisher.asNode());

    private SkosView() {}

    /** Whether a statement with predicate {@code p} about a {@code kind} belongs to the SKOS view. */
    static boolean wanted(Node kind, Node p) {
        return p.getURI().startsWith(SKOS_NS) || (kind.equals(SKOS.ConceptScheme.asNode()) && SCHEME_EXTRAS.contains(p));
    }
}
