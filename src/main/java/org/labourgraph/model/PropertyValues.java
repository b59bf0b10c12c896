package org.labourgraph.model;

import java.util.List;

/**
 * The values of one property of a resource, or (incoming) the resources that point to it with that
 * property. {@code total} is the full count; {@code values} may be one page of it, {@code nextAfter}
 * the key of the next page (empty when this is the last).
 */
public record PropertyValues(String property, Text label, List<Value> values, int total, String nextAfter) {
    public PropertyValues {
        values = List.copyOf(values);
    }

    public boolean hasMore() {
        return !nextAfter.isEmpty();
    }
}
