package org.labourgraph.sparql;

/** A search that could not run now — too slow, or the SPARQL service behind it did not answer. */
public final class SearchUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
