package org.labourgraph.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The number of quads in a TDB2 database, read from the sizes of its primary indexes: no node is decoded,
 * milliseconds at 10^5 quads, about a second at 10^7. The public count is kept until the next commit, since the
 * health check asks often and the count only moves with a commit.
 */
final class QuadCount {
    private final DatasetGraph tdb;
    private final DatasetGraph recorded;
    private volatile CountAt last;

    private record CountAt(long version, long quads) {}

    /** @param recorded the dataset whose commits {@link ChangeMarker} counts, over {@code tdb} */
    QuadCount(DatasetGraph tdb, DatasetGraph recorded) {
        this.tdb = tdb;
        this.recorded = recorded;
    }

    /** Quads in the indexes now; inside or outside a transaction. */
    long stored() {
        return Txn.calculateRead(tdb, () -> {
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
            return storage.getQuadTable().getNodeTupleTable().getTupleTable().size()
                    + storage.getTripleTable().getNodeTupleTable().getTupleTable().size();
        });
    }

    /** The same, counted again only after a commit. */
    long sinceLastCommit() {
        ChangeMarker marker = ChangeMarker.of(recorded);
        long version = marker.commits();
        CountAt known = last;
        if (known != null && known.version() == version && marker.watchesCommits()) {
            return known.quads();
        }
        long quads = stored();
        last = new CountAt(version, quads);
        return quads;
    }
}
