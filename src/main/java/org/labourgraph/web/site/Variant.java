package org.labourgraph.web.site;

import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;

/** The representations a resource document comes in: HTML and four RDF syntaxes, each with its extension. */
public enum Variant {
    HTML("text/html", "html", null, "HTML"),
    TURTLE("text/turtle", "ttl", Lang.TURTLE, "Turtle"),
    JSONLD("application/ld+json", "jsonld", Lang.JSONLD, "JSON-LD"),
    RDFXML("application/rdf+xml", "rdf", Lang.RDFXML, "RDF/XML"),
    NTRIPLES("application/n-triples", "nt", Lang.NTRIPLES, "N-Triples");

    public final String mediaType;
    public final String extension;
    public final Lang lang;
    public final String displayName;

    Variant(String mediaType, String extension, Lang lang, String displayName) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.lang = lang;
        this.displayName = displayName;
    }

    public boolean isRdf() {
        return lang != null;
    }

    /** By extension or ?format= value: "ttl", "turtle", "jsonld", "rdf", "xml", "nt", "html". */
    public static Optional<Variant> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Variant v : values()) {
            if (v.extension.equals(n) || v.name().equalsIgnoreCase(n)) {
                return Optional.of(v);
            }
        }
        return switch (n) {
            case "json-ld", "json" -> Optional.of(JSONLD);
            case "xml", "rdfxml" -> Optional.of(RDFXML);
            case "ntriples", "n-triples" -> Optional.of(NTRIPLES);
            default -> Optional.empty();
        };
    }
}
