package org.labourgraph.model;

import java.util.List;

/**
 * One revision in a resource's history: number, date (ISO 8601, UTC), the curator's display name, the message, the
 * number of statements added and removed (the whole change), the lines about this resource, and the citable URL of
 * the resource as it stood after it.
 */
public record RevisionEntry(long number, String date, String curator, String message, int added, int deleted,
                            List<ChangeLine> changes, String asOfHref) {
    public RevisionEntry {
        changes = List.copyOf(changes);
    }
}
