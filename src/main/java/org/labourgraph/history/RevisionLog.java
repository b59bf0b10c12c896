package org.labourgraph.history;

import java.util.List;
import java.util.Optional;

/**
 * The committed revisions as the history pages read them, wherever they are kept: the embedded store's
 * {@link ChangeLog} or, in external mode, the change-log graph of the external store ({@link StoreChangeLog}).
 */
public interface RevisionLog {
    /** The number of the newest committed revision (0: none yet). */
    long head();

    /** Every committed revision, oldest first. */
    List<Revision> revisions();

    Optional<Revision> revision(long number);

    /** The revisions that changed statements about {@code iri}, oldest first. */
    List<Revision> about(String iri);

    /**
     * As {@link #about}, for the Memento links every page carries: a log that is read remotely may answer from a read
     * made a moment ago ({@link StoreChangeLog#LINKS_MAX_AGE}) rather than ask on every page.
     */
    default List<Revision> aboutLately(String iri) {
        return about(iri);
    }
}
