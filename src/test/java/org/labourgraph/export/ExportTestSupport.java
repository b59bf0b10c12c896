package org.labourgraph.export;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;

/** What the public asserted graphs hold, for tests in other packages. */
public final class ExportTestSupport {
    private ExportTestSupport() {}

    public static Graph publicTriples(DatasetGraph store) {
        return StoreFixture.publicTriples(store);
    }
}
