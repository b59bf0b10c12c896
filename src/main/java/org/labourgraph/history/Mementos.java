package org.labourgraph.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The mementos of one resource (RFC 7089): the revisions that changed its statements, oldest first, each the state
 * of the resource from its time until the next. Which one was in force at a given time, and its neighbours.
 */
public record Mementos(List<Revision> revisions) {
    public Mementos {
        revisions = List.copyOf(revisions);
    }

    /** The mementos of {@code iri} in {@code log}. */
    public static Mementos of(RevisionLog log, String iri) {
        return new Mementos(log.about(iri));
    }

    /** As {@link #of}, for the links of a page: from the log as read a moment ago ({@link RevisionLog#aboutLately}). */
    public static Mementos lately(RevisionLog log, String iri) {
        return new Mementos(log.aboutLately(iri));
    }

    public boolean isEmpty() {
        return revisions.isEmpty();
    }

    public Revision first() {
        return revisions.get(0);
    }

    public Revision last() {
        return revisions.get(revisions.size() - 1);
    }

    /**
     * The memento in force at {@code time}: the newest revision at or before it (to the second); for a time before the first, the
     * first (the nearest the archive holds, as RFC 7089 lets a TimeGate answer). Empty when there is none at all.
     */
    public Optional<Revision> at(Instant time) {
        Revision chosen = null;
        for (Revision r : revisions) {
            if (!r.time().truncatedTo(ChronoUnit.SECONDS).isAfter(time)) { // HTTP dates are to the second
                chosen = r;
            }
        }
        return isEmpty() ? Optional.empty() : Optional.of(chosen == null ? first() : chosen);
    }

    /** The memento whose state revision {@code number} shows: the newest at or before it (empty before the first). */
    public Optional<Revision> inForceAt(long number) {
        Revision found = null;
        for (Revision r : revisions) {
            if (r.number() <= number) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The newest memento before revision {@code number} (the resource as it stood before the state at {@code number}). */
    public Optional<Revision> before(long number) {
        Revision found = null;
        for (Revision r : revisions) {
            if (r.number() < number) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The oldest memento after revision {@code number}. */
    public Optional<Revision> after(long number) {
        return revisions.stream().filter(r -> r.number() > number).findFirst();
    }
}
