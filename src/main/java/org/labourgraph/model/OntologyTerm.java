package org.labourgraph.model;

import java.util.List;

/** A class, property or individual of the ontology as its documentation page lists it. */
public record OntologyTerm(String iri, String localName, String kind, Text label, Text comment, List<String> domains,
                           List<String> ranges, List<String> supers) {
    public OntologyTerm {
        domains = List.copyOf(domains);
        ranges = List.copyOf(ranges);
        supers = List.copyOf(supers);
    }
}
