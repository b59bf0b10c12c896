package org.labourgraph.store;

import java.util.Iterator;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The number of quads in a TDB2 database, read from the sizes of its primary indexes: no node is decoded, but each
 * index is walked, milliseconds at 10^5 quads, about a second at 10^7. The public count is kept until the next commit, since the
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

    /**
     * Whether the indexes hold at least {@code n} quads, reading no more than {@code n} entries: TDB2 counts an index by
     * walking it, so a full count on every edit grew with the store. Inside or outside a transaction.
     */
    boolean atLeast(long n) {
        if (n <= 0) {
            return true;
        }
        return Txn.calculateRead(tdb, () -> {
            DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
            long seen = 0;
            for (TupleIndex index : new TupleIndex[] {storage.getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0),
                    storage.getTripleTable().getNodeTupleTable().getTupleTable().getIndex(0)}) {
                Iterator<?> entries = index.all();
                while (seen < n && entries.hasNext()) {
                    entries.next();
                    seen++;
                }
            }
            return seen >= n;
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
