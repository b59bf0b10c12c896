package org.labourgraph.model;

/**
 * One search result: the resource, its label in the requested language (or the other one, flagged),
 * its kind, the relevance score and the text that matched; {@code retired} when the resource is deprecated
 * (public search leaves such hits out; reconciliation answers with the successor).
 */
public record SearchHit(String iri, String label, String labelLang, boolean labelFallback, ResourceKind kind,
                        double score, String matchedText, MatchField matchedField, boolean retired) {

    /** A hit on a resource in use. */
    public SearchHit(String iri, String label, String labelLang, boolean labelFallback, ResourceKind kind,
                     double score, String matchedText, MatchField matchedField) {
        this(iri, label, labelLang, labelFallback, kind, score, matchedText, matchedField, false);
    }

    /** Which kind of text matched: weighs a preferred label above an alternative label above a definition. */
    public enum MatchField {
        LABEL, ALT_LABEL, DEFINITION;

        public String jsonName() {
            return switch (this) {
                case LABEL -> "label";
                case ALT_LABEL -> "altLabel";
                case DEFINITION -> "definition";
            };
        }
    }
}
