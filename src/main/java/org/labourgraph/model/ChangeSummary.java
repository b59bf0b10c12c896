package org.labourgraph.model;

import java.util.List;

/**
 * One revision in the public list of recent changes: number, date (ISO 8601, UTC), the curator's display name, the
 * message, the number of public statements added and removed, the resources it touched (as links with their labels;
 * at most a few, {@code moreResources} says how many more) and where its public patch is.
 */
public record ChangeSummary(long number, String date, String curator, String message, long added, long deleted,
                            List<Value> resources, int moreResources, String patchHref) {
    public ChangeSummary {
        resources = List.copyOf(resources);
    }
}
