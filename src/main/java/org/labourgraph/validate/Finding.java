package org.labourgraph.validate;

import java.util.Objects;

/**
 * One problem the validator found. {@code focus} is the resource at fault (a full IRI, or for
 * {@link Check#SYNTAX} the location {@code file:line:col}); {@code path} the property or SHACL path
 * involved, full IRIs (may be null); {@code message} what is wrong and, where we can tell, how to fix it.
 */
public record Finding(Check check, String focus, String path, String message) {

    /** The kinds of check, in the order they run. */
    public enum Check { SYNTAX, SHACL, OWL, SKOS, IDENTIFIERS }

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /**
     * One readable line: {@code file:line:col: message} for syntax errors, otherwise
     * {@code CHECK focus path: message} with IRIs shortened to the project's prefixes.
     */
    @Override
    public String toString() {
        if (check == Check.SYNTAX) {
            return focus == null ? message : focus + ": " + message;
        }
        StringBuilder line = new StringBuilder(check.name());
        if (focus != null) {
            line.append(' ').append(ProjectPrefixes.compact(focus));
        }
        if (path != null) {
            line.append(' ').append(ProjectPrefixes.compactAll(path));
        }
        return line.append(": ").append(message).toString();
    }
}
