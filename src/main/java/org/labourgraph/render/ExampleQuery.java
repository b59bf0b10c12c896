package org.labourgraph.render;

/** A named example for the SPARQL editor: one file of queries/, its title in the page's language, its text. */
public record ExampleQuery(String file, String title, String text) {}
