package org.labourgraph.web.site;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.labourgraph.sparql.StoreUnavailableException;

/**
 * External mode, around what reads the store other than through a page's query runner (the history the front-ends
 * keep there, the lookups of a past version): an external store that does not answer is a 502 naming it, as for
 * every page, not a 500.
 */
public final class StoreFailureFilter implements Filter {
    private final String store;

    /** @param store the store's query URL, named in the 502 */
    public StoreFailureFilter(String store) {
        this.store = store;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (QueryExceptionHTTP | HttpException e) {
            throw new StoreUnavailableException("The SPARQL service behind this server (" + store + ") did not answer: "
                    + e.getMessage(), e);
        }
    }
}
