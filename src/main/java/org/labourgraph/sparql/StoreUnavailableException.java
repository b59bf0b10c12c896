package org.labourgraph.sparql;

/**
 * The external SPARQL service behind the server did not answer a page's query (down, refused it, or answered with
 * an error): the page answers 502 Bad Gateway with this message, never a 500 or a page built from a partial answer.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
