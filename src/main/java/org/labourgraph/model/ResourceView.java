package org.labourgraph.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a resource page shows, in the page's language: its label (and the other language's beside),
 * its statements grouped by property, the statements of others that point to it, grouped and counted, and
 * its links to the same thing elsewhere with their labels and sources.
 */
public record ResourceView(String iri, ResourceKind kind, Text label, Optional<Text> otherLabel, List<String> types,
                           List<PropertyValues> outgoing, List<PropertyValues> incoming, String lang, List<Match> matches) {
    public ResourceView {
        types = List.copyOf(types);
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
        matches = List.copyOf(matches);
    }

    /** The values of an outgoing property (empty when it has none). */
    public List<Value> values(String property) {
        return outgoing.stream().filter(p -> p.property().equals(property)).findFirst()
                .map(PropertyValues::values).orElse(List.of());
    }

    public Optional<Value> first(String property) {
        return values(property).stream().findFirst();
    }

    public boolean has(String property) {
        return !values(property).isEmpty();
    }

    /** The resources pointing here with a property (one page of them). */
    public Optional<PropertyValues> incoming(String property) {
        return incoming.stream().filter(p -> p.property().equals(property)).findFirst();
    }

    /** Retired ({@code owl:deprecated true}): the page says so and links the successors. */
    public boolean deprecated() {
        return values(Terms.OWL_DEPRECATED).stream().anyMatch(v -> !v.isLink() && "true".equals(v.text().value()));
    }

    /** What replaces this resource ({@code dcterms:isReplacedBy}), linked with labels. */
    public List<Value> successors() {
        return values(Terms.IS_REPLACED_BY).stream().filter(Value::isLink).toList();
    }

    public boolean hasType(String typeIri) {
        return types.contains(typeIri);
    }
}
