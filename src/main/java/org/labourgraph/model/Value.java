package org.labourgraph.model;

/**
 * One value of a property: a link to a resource (with its label in the page's language) or a literal.
 * {@code detail} carries one fact about the linked resource fetched in the same query (a work's year) and
 * {@code excerpt} a linked quotation's passage.
 */
public record Value(String iri, Text text, String datatype, String detail, String excerpt) {
    public static Value link(String iri, Text label, String detail) {
        return new Value(iri, label, "", detail == null ? "" : detail, "");
    }

    /** A link that also carries the linked resource's text (a quotation's passage). */
    public static Value link(String iri, Text label, String detail, String excerpt) {
        return new Value(iri, label, "", detail == null ? "" : detail, excerpt == null ? "" : excerpt);
    }

    public static Value literal(Text text, String datatype) {
        return new Value("", text, datatype == null ? "" : datatype, "", "");
    }

    public boolean isLink() {
        return !iri.isEmpty();
    }

    /** The label, or the IRI when the resource has none. */
    public String display() {
        return text.value().isEmpty() ? iri : text.value();
    }
}
