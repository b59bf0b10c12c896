package org.labourgraph.store;

import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;

/** The TDB2 dataset under the served one's wrappers (history recorder, text index), for what only TDB2 itself offers. */
final class TdbBeneath {
    private TdbBeneath() {}

    /** Empty when no TDB2 dataset is underneath (a dataset of another kind). */
    static Optional<DatasetGraph> of(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        while (d instanceof DatasetGraphWrapper wrapper && !TDBInternal.isBackedByTDB(d)) {
            d = wrapper.getWrapped();
        }
        return TDBInternal.isBackedByTDB(d) ? Optional.of(d) : Optional.empty();
    }
}
