package org.labourgraph.render;

/** A work or note cited in every form the pages offer: two styles as text, three formats to download. */
public record CitationSet(String apa, String chicago, String bibtex, String ris, String cslJson, CitationFields fields) {}
