package org.labourgraph.model;

/**
 * One link of a resource to the same (or a matching) thing in another vocabulary, as its mapping record
 * gives it: the relation ({@code property}, e.g. skos:exactMatch), the target's IRI (empty when the target
 * is a literal identifier such as an ISBN, then in {@code value}), the target's own label, the name of its
 * source vocabulary (empty when it has none, e.g. an official website) and the evidence page.
 */
public record Match(String property, String target, String value, String label, String source, String evidence) {

    /** Where the link points: the target itself, or the evidence for a literal identifier; only http(s) addresses. */
    public String href() {
        String href = target.isEmpty() ? evidence : target;
        return href.matches("(?i)https?://.+") ? href : "";
    }

    /** The evidence page as a link address (only http(s)), or empty. */
    public String evidenceHref() {
        return evidence.matches("(?i)https?://.+") ? evidence : "";
    }

    /** The source's name, or the target's host name when the target belongs to no named vocabulary. */
    public String sourceOrHost() {
        if (!source.isEmpty() || target.isEmpty()) {
            return source;
        }
        String rest = target.replaceFirst("^[a-z]+://", "");
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).replaceFirst("^www\\.", "");
    }

    /** The local name of the relation (sameAs, exactMatch, isbn …), a key of the pages' messages. */
    public String relation() {
        return property.substring(Math.max(property.lastIndexOf('#'), property.lastIndexOf('/')) + 1);
    }
}
