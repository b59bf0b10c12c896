package org.labourgraph.model;

/** One line of the A–Z index: a label; for an alternative label, the preferred one it leads to. */
public record IndexEntry(String iri, String label, boolean alternative, String preferred) {}
