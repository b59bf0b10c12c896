package org.labourgraph.history;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who makes the changes of the current thread's transaction, why, and through which channel: set by whoever starts
 * the change (a request filter, a command) and read when the change commits. A thread without one writes as
 * {@link #SYSTEM}.
 *
 * @param author  the account that made the change (a login name: shown to curators only)
 * @param message why, in the author's words (or a default naming the operation)
 * @param channel how the change arrived; decides whether the shapes run before commit and how a refusal is reported
 */
public record Attribution(String author, String message, Channel channel) {
    /** The ways a change reaches the store. */
    public enum Channel {
        /** SPARQL Update on /update. */
        UPDATE,
        /** Graph Store Protocol writes on /data. */
        GRAPH_STORE,
        /** PUT / PATCH of one resource's description, or a revert. */
        RESOURCE,
        /** The store opened by a command or at start-up: loads from files. Shapes are not run (load --validate does). */
        LOCAL;

        /** Changes made over HTTP by curators are checked against the shapes before they commit. */
        public boolean checked() {
            return this != LOCAL;
        }
    }

    public static final Attribution SYSTEM = new Attribution("labourgraph", "Change without attribution", Channel.LOCAL);

    private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

    public Attribution {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(channel, "channel");
    }

    /** The attribution of this thread's changes. */
    public static Attribution current() {
        Attribution a = CURRENT.get();
        return a == null ? SYSTEM : a;
    }

    /** The attribution bound to this thread, if any. */
    public static Optional<Attribution> bound() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with this attribution, restoring the previous one afterwards. */
    public <T> T during(Supplier<T> work) {
        Attribution previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** As {@link #during(Supplier)}, for work that returns nothing. */
    public void during(Runnable work) {
        during(() -> {
            work.run();
            return null;
        });
    }

    /** Sets this attribution for the thread until {@link #clear()}: for filters that wrap a whole request. */
    public void bind() {
        CURRENT.set(this);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
