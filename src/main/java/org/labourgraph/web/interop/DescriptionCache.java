package org.labourgraph.web.interop;

import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.export.DatasetStatistics;
import org.labourgraph.store.ChangeMarker;

/**
 * The dataset's statistics, computed when the server starts and again after the store changed (on the first
 * request that sees a new change marker), never per request.
 */
final class DescriptionCache {
    private final DatasetGraph dataset;
    private DatasetStatistics current;

    DescriptionCache(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    synchronized DatasetStatistics current() {
        String version = ChangeMarker.of(dataset).snapshot().version();
        if (current == null || !current.version().equals(version)) {
            current = DatasetStatistics.compute(dataset);
        }
        return current;
    }
}
