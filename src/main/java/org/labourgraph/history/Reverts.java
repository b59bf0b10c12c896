package org.labourgraph.history;

import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.query.Query;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Takes a revision back as a new, recorded change: its added statements are deleted and its deleted statements
 * restored (those still, or again, in the state it left are not touched twice). Checked like any other change.
 */
public final class Reverts {
    private Reverts() {}

    /**
     * @return the revision the revert made; empty when nothing was left to undo
     * @throws IllegalArgumentException when there is no such revision
     */
    public static Optional<Revision> revert(RecordingDataset store, long number, String author, Attribution.Channel channel) {
        Revision target = target(store.log(), number);
        Attribution who = attribution(target, author, channel);
        return who.during(() -> {
            store.begin(ReadWrite.WRITE);
            try {
                RevisionStates.undo(store, target);
                store.commit();
            } finally {
                store.end();
            }
            return store.lastCommitted();
        });
    }

    /**
     * The same in an external store whose history is {@code log}: the revision's added statements deleted and its
     * deleted ones restored, keeping only those that really change ({@code store} is asked, as for any write through a
     * front-end), made and recorded as the next revision by {@link StoreChangeLog#record} — so the store's entailment
     * graph follows, and a race with another front-end is settled as for any write.
     *
     * @return the revision the revert made; empty when nothing was left to undo
     * @throws IllegalArgumentException when there is no such revision
     * @throws StoreChangeLog.Contended when other front-ends took the next number every time
     */
    public static Optional<Revision> revert(StoreChangeLog log, Function<Query, RowSet> store, long number, String author,
                                            Attribution.Channel channel) {
        Revision target = target(log, number);
        return log.record(() -> UpdateDeltas.ofQuads(target.added(), target.deleted(), store), attribution(target, author, channel));
    }

    private static Revision target(RevisionLog log, long number) {
        return log.revision(number).orElseThrow(() -> new IllegalArgumentException(
                "There is no revision " + number + ": the history has " + log.head() + " revisions."));
    }

    private static Attribution attribution(Revision target, String author, Attribution.Channel channel) {
        return new Attribution(author, "Revert revision " + target.number() + " (" + target.message() + ")", channel);
    }
}
