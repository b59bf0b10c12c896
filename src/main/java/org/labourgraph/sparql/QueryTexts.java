package org.labourgraph.sparql;

import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/** Ready-to-edit query texts that the pages offer ("query this"), made by binding a parsed query, never by pasting. */
public final class QueryTexts {
    private QueryTexts() {}

    static final Query ABOUT_CONCEPT = QueryLibrary.load("about-concept.rq");

    /** The "query this" text for a concept: its labels, definition and links, with the concept's IRI bound. */
    public static String aboutConcept(String conceptIri) {
        Query bound = QueryTransformOps.transform(ABOUT_CONCEPT, Map.of(Var.alloc("concept"), NodeFactory.createURI(conceptIri)));
        return bound.serialize();
    }
}
