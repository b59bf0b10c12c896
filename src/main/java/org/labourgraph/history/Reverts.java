package org.labourgraph.history;

import java.util.Optional;
import org.apache.jena.query.ReadWrite;

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
        Revision target = store.log().revision(number).orElseThrow(() -> new IllegalArgumentException(
                "There is no revision " + number + ": the history has " + store.log().head() + " revisions."));
        Attribution who = new Attribution(author, "Revert revision " + number + " (" + target.message() + ")", channel);
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
}
