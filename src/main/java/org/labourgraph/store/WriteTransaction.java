package org.labourgraph.store;

import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * One write transaction that always ends. Jena's {@code Txn.executeWrite} ends the transaction when the change throws,
 * but not when the commit does — and the recorder's commit throws whenever a pre-commit step refuses the change (or
 * the text index cannot commit): the transaction then stayed open on the thread, holding TDB2's one writer slot.
 */
final class WriteTransaction {
    private WriteTransaction() {}

    /** Runs {@code change} in a write transaction and commits it; if either throws, nothing of it is kept. */
    static void run(DatasetGraph dataset, Runnable change) {
        dataset.begin(TxnType.WRITE);
        try {
            change.run();
            dataset.commit();
        } catch (RuntimeException | Error e) {
            // A commit that failed inside TDB2 may have aborted already: end the transaction whatever abort says.
            try {
                dataset.abort();
            } catch (RuntimeException | Error second) {
                e.addSuppressed(second);
            }
            try {
                dataset.end();
            } catch (RuntimeException | Error second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        dataset.end();
    }
}
