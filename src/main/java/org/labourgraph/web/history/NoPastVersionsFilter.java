package org.labourgraph.web.history;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import org.labourgraph.web.site.Responses;

/**
 * Where no history is kept (external mode with {@code --data-graphs store-default}): a document asked for as it stood
 * at a revision ({@code ?rev=N}) is a 501 saying why, not the current document under a past revision's URL.
 */
public final class NoPastVersionsFilter implements Filter {
    private final String why;

    public NoPastVersionsFilter(String why) {
        this.why = why;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getParameter("rev") == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = ((HttpServletRequest) request).getMethod();
        if (!(method.equals("GET") || method.equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        Responses.send(resp, HttpServletResponse.SC_NOT_IMPLEMENTED, "text/plain", why + "\n");
    }
}
