package org.labourgraph.model;

/**
 * One statement a revision added or removed, as a reader sees it: the property (prefixed name), the value's text and
 * language, and where the value links to (a page of this site, an outside IRI, or nothing for a literal or an IRI
 * that is no link); with the labels of the property and of a linked value in the page's language, when known.
 */
public record ChangeLine(boolean added, String property, String value, String lang, String href, String propertyLabel,
                         String valueLabel) {
    /** A line without labels (shown by its prefixed names). */
    public ChangeLine(boolean added, String property, String value, String lang, String href) {
        this(added, property, value, lang, href, null, null);
    }
}
