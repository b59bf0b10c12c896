package org.labourgraph.model;

/** A creator as a citation needs it: family and given names when known, else the full name. */
public record Person(String iri, String name, String family, String given) {}
