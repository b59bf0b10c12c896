package org.labourgraph.sparql;

/**
 * Which search query an external store gets: its own text index where labourgraph knows how to ask it, the
 * portable SPARQL 1.1 query otherwise. {@link RemoteSparqlSearch} finds out once, at the first search.
 */
public enum SearchDialect {
    /** Virtuoso: bif:contains over its free-text index of literals (search-virtuoso.rq), then the portable query if that finds nothing. */
    VIRTUOSO,
    /** A Jena store with a jena-text index of the labels: text:query (search-jena-text.rq), then the portable query if that finds nothing. */
    JENA_TEXT,
    /** Any SPARQL 1.1 store: search-fallback.rq alone. */
    PORTABLE
}
