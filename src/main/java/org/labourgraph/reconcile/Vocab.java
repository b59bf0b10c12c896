package org.labourgraph.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labourgraph.vocab.LG;

/** The terms reconciliation speaks of: types, names, and the properties it matches on and extends with. */
public final class Vocab {
    private Vocab() {}

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    /** owl:deprecated: a retired resource (its IRI keeps resolving; dcterms:isReplacedBy names its successor). */
    static final String OWL_DEPRECATED = "http://www.w3.org/2002/07/owl#deprecated";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String SCHEMA = "https://schema.org/";

    /** A type or property as the API shows it. */
    public record Term(String id, String name, String description) {}

    /** The default types (manifest): concept, person, work — and the short names accepted for them. */
    public static final List<Term> DEFAULT_TYPES = List.of(
            new Term(SKOS + "Concept", "Concept", "A concept of the labourgraph thesaurus (forms and conditions of digital labour)"),
            new Term(FOAF + "Person", "Person", "A person named by the sources"),
            new Term(SCHEMA + "CreativeWork", "Work", "A book, post, note or quoted passage"));

    /** Every type the service recognises, with a readable name (candidates show the ones they have). */
    public static final List<Term> TYPES = List.of(
            DEFAULT_TYPES.get(0), DEFAULT_TYPES.get(1), DEFAULT_TYPES.get(2),
            new Term(LG.LabourForm.getURI(), "Labour form", "A form of digital labour, at one tier of the hierarchy"),
            new Term(SCHEMA + "Book", "Book", "A book"),
            new Term(LG.Note.getURI(), "Note", "A note of the Praxis platform"),
            new Term(LG.Organisation.getURI(), "Organisation", "An organisation"),
            new Term(LG.Place.getURI(), "Place", "A place"),
            new Term(SKOS + "ConceptScheme", "Concept scheme", "The thesaurus"));

    static final Map<String, String> TYPE_ALIASES = Map.of(
            "concept", SKOS + "Concept", "person", FOAF + "Person", "work", SCHEMA + "CreativeWork",
            "book", SCHEMA + "Book", "note", LG.Note.getURI(), "place", LG.Place.getURI(),
            "organisation", LG.Organisation.getURI(), "organization", LG.Organisation.getURI());

    /** Properties whose values name the entity, in order of preference. */
    static final List<String> NAME_PROPERTIES = List.of(SKOS + "prefLabel", FOAF + "name", DCTERMS + "title", RDFS + "label",
            SCHEMA + "name");
    static final List<String> ALT_NAME_PROPERTIES = List.of(SKOS + "altLabel", SKOS + "hiddenLabel");

    /** Properties offered for matching and data extension, per default type (IRI → term). */
    public static final Map<String, List<Term>> PROPERTIES_BY_TYPE = propertiesByType();

    private static Map<String, List<Term>> propertiesByType() {
        Map<String, List<Term>> m = new LinkedHashMap<>();
        m.put(SKOS + "Concept", List.of(
                new Term(SKOS + "prefLabel", "preferred label", "fr and en"),
                new Term(SKOS + "altLabel", "alternative label", "synonyms and other spellings"),
                new Term(SKOS + "definition", "definition", null),
                new Term(SKOS + "broader", "broader concept", null),
                new Term(SKOS + "related", "related concept", null),
                new Term(LG.coinedIn.getURI(), "coined in", "the work in which the term was coined"),
                new Term(LG.coinedBy.getURI(), "coined by", "the person who coined the term"),
                new Term(LG.tier.getURI(), "tier", "level in the note's three-level hierarchy")));
        m.put(FOAF + "Person", List.of(
                new Term(FOAF + "name", "name", null),
                new Term(SCHEMA + "description", "description", "their role as the sources show it"),
                new Term(FOAF + "made", "works", "works they created (inverse of dcterms:creator)")));
        m.put(SCHEMA + "CreativeWork", List.of(
                new Term(DCTERMS + "title", "title", null),
                new Term(DCTERMS + "creator", "creator", null),
                new Term(DCTERMS + "issued", "date issued", "year or date of publication"),
                new Term(DCTERMS + "subject", "subject", "concepts the work discusses"),
                new Term(SCHEMA + "description", "description", null)));
        return m;
    }

    /** Short property names accepted in queries, e.g. {@code creator}, {@code date}, {@code work}. */
    static final Map<String, String> PROPERTY_ALIASES = Map.ofEntries(
            Map.entry("creator", DCTERMS + "creator"), Map.entry("author", DCTERMS + "creator"),
            Map.entry("date", DCTERMS + "issued"), Map.entry("issued", DCTERMS + "issued"), Map.entry("year", DCTERMS + "issued"),
            Map.entry("work", FOAF + "made"), Map.entry("works", FOAF + "made"), Map.entry("made", FOAF + "made"),
            Map.entry("coinedin", LG.coinedIn.getURI()), Map.entry("coinedby", LG.coinedBy.getURI()),
            Map.entry("broader", SKOS + "broader"), Map.entry("subject", DCTERMS + "subject"),
            Map.entry("title", DCTERMS + "title"), Map.entry("name", FOAF + "name"));

    /** Every property term offered, each once. */
    public static List<Term> allProperties() {
        Map<String, Term> all = new LinkedHashMap<>();
        PROPERTIES_BY_TYPE.values().forEach(l -> l.forEach(t -> all.putIfAbsent(t.id(), t)));
        return List.copyOf(all.values());
    }

    static String typeIri(String idOrAlias) {
        return TYPE_ALIASES.getOrDefault(idOrAlias.strip().toLowerCase(java.util.Locale.ROOT), idOrAlias.strip());
    }

    static String propertyIri(String idOrAlias) {
        String key = idOrAlias.strip().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
        return PROPERTY_ALIASES.getOrDefault(key, idOrAlias.strip());
    }
}
