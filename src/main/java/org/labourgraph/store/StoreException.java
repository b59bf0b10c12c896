package org.labourgraph.store;

/** A store operation that could not be done; the message says what, where and how to fix it. Nothing was written. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
