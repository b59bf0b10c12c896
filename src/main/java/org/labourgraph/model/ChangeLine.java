package org.labourgraph.model;

/**
 * One statement a revision added or removed, as a reader sees it: the property (prefixed name), the value's text and
 * language, and where the value links to (a page of this site, an outside IRI, or nothing for a literal or an IRI
 * that is no link).
 */
public record ChangeLine(boolean added, String property, String value, String lang, String href) {}
