package org.labourgraph.model;

/** IRIs of the terms the pages single out, as plain strings (records and templates know no Jena). */
public final class Terms {
    private Terms() {}

    public static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    public static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    public static final String RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    /** A retired resource: its IRI keeps resolving, {@link #IS_REPLACED_BY} names its successor when there is one. */
    public static final String OWL_DEPRECATED = "http://www.w3.org/2002/07/owl#deprecated";
    public static final String IS_REPLACED_BY = "http://purl.org/dc/terms/isReplacedBy";
    public static final String PREF_LABEL = SKOS + "prefLabel";
    public static final String ALT_LABEL = SKOS + "altLabel";
    public static final String DEFINITION = SKOS + "definition";
    public static final String SCOPE_NOTE = SKOS + "scopeNote";
    public static final String HISTORY_NOTE = SKOS + "historyNote";
    public static final String EDITORIAL_NOTE = SKOS + "editorialNote";
    public static final String BROADER = SKOS + "broader";
    public static final String NARROWER = SKOS + "narrower";
    public static final String RELATED = SKOS + "related";
    public static final String CONCEPT = SKOS + "Concept";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String TITLE = DCT + "title";
    public static final String CREATOR = DCT + "creator";
    public static final String ISSUED = DCT + "issued";
    public static final String MODIFIED = DCT + "modified";
    public static final String SOURCE = DCT + "source";
    public static final String SUBJECT = DCT + "subject";
    public static final String PUBLISHER = DCT + "publisher";
    public static final String IDENTIFIER = DCT + "identifier";
    public static final String CITATION = DCT + "bibliographicCitation";
    public static final String SCHEMA = "https://schema.org/";
    public static final String DESCRIPTION = SCHEMA + "description";
    public static final String SCHEMA_TEXT = SCHEMA + "text";
    public static final String SCHEMA_URL = SCHEMA + "url";
    public static final String SCHEMA_ISBN = SCHEMA + "isbn";
    public static final String SCHEMA_SAME_AS = SCHEMA + "sameAs";
    public static final String SCHEMA_ABSTRACT = SCHEMA + "abstract";
    public static final String IS_PART_OF = SCHEMA + "isPartOf";
    public static final String FOAF_NAME = "http://xmlns.com/foaf/0.1/name";
    public static final String LG = "https://w3id.org/labourgraph/ontology#";
    public static final String TIER = LG + "tier";
    public static final String RANK = LG + "rank";
    public static final String COINED_BY = LG + "coinedBy";
    public static final String COINED_IN = LG + "coinedIn";
    public static final String EARNED_BY = LG + "earnedBy";
    public static final String IN_NOTEBOOK = LG + "inNotebook";
    public static final String CATEGORY = LG + "category";
    public static final String INCLUDED_BY = LG + "includedBy";
    public static final String INCLUDED_ON = LG + "includedOn";
    public static final String VISIBILITY = LG + "visibility";
    public static final String QUOTES = LG + "quotes";
    public static final String PUBLICATION_STATUS = LG + "publicationStatus";
}
