package org.labourgraph.config;

import java.net.URI;
import java.util.Optional;

/**
 * An external SPARQL 1.1 service used instead of the embedded store: the query endpoint, optionally the
 * update endpoint and the Graph Store Protocol endpoint, credentials for writes, and which of its graphs are the
 * public data.
 */
public record RemoteEndpoint(URI query, Optional<URI> update, Optional<URI> graphStore, Optional<Credentials> credentials,
                             DataGraphs dataGraphs) {
    /** With the data graphs discovered in the store ({@link DataGraphs#DISCOVERED}). */
    public RemoteEndpoint(URI query, Optional<URI> update, Optional<URI> graphStore, Optional<Credentials> credentials) {
        this(query, update, graphStore, credentials, DataGraphs.DISCOVERED);
    }

    public RemoteEndpoint {
        java.util.Objects.requireNonNull(dataGraphs, "dataGraphs");
        ServerSettings.require(query != null && query.isAbsolute() && query.getScheme().startsWith("http"),
                "--sparql-endpoint", "must be an absolute http(s) URL of a SPARQL 1.1 query service, e.g. http://127.0.0.1:3030/ds/sparql");
        update.ifPresent(u -> ServerSettings.require(u.isAbsolute() && u.getScheme().startsWith("http"),
                "--update-endpoint", "must be an absolute http(s) URL"));
        graphStore.ifPresent(u -> ServerSettings.require(u.isAbsolute() && u.getScheme().startsWith("http"),
                "--graph-store", "must be an absolute http(s) URL"));
    }

    /** User name and password for HTTP authentication against the remote service. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}

