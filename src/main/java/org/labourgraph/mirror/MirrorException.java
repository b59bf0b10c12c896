package org.labourgraph.mirror;

/**
 * The mirror cannot go on without a person deciding: the source's history does not continue the copy's (a gap, a
 * patch whose {@code previous} is not the revision the copy holds), or the copy is not a copy of that source. The
 * patch that raised it was not applied.
 */
public final class MirrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MirrorException(String message) {
        super(message);
    }
}
