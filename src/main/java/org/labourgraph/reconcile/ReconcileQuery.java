package org.labourgraph.reconcile;

import java.util.List;

/**
 * One reconciliation query: the text, the types to keep (any of them; none = every type), property
 * constraints, and a result cap.
 */
public record ReconcileQuery(String text, List<String> types, List<Constraint> constraints, int limit) {
    public static final int MAX_LIMIT = 25;

    /** A property constraint: the property (IRI or short name) and the values wanted (text, or entity IRIs). */
    public record Constraint(String property, List<ConstraintValue> values) {}

    /** A wanted value: a text, or an entity given by its IRI. */
    public record ConstraintValue(String text, String iri) {}

    public ReconcileQuery {
        text = text == null ? "" : text.strip();
        types = List.copyOf(types);
        constraints = List.copyOf(constraints);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
