package org.labourgraph.web.endpoint;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import org.labourgraph.web.site.ErrorPages;
import org.labourgraph.web.site.MetricsFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler whose query ran past the server's time limit answers the site's 503 ({@link ErrorPages}): the server is
 * not broken, the answer took too long. Caught here, it is one log line, not the stack trace Jetty logs for an
 * exception that escapes a servlet; the metrics count it as a timeout. In external mode, a page whose store did not
 * answer is a 502 with the store's reason, the same way.
 */
public final class QueryTimeoutFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryTimeoutFilter.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            HttpServletResponse resp = (HttpServletResponse) response;
            int status = ErrorPages.statusOf(e);
            if (status != 503 && status != 502 || resp.isCommitted()) {
                throw e;
            }
            HttpServletRequest req = (HttpServletRequest) request;
            if (status == 502) {
                LOG.warn("{} {}: {} (502)", req.getMethod(), req.getRequestURI(), e.getMessage());
                resp.sendError(502, ErrorPages.storeUnavailable(e));
                return;
            }
            LOG.info("{} {}: a query ran past the time limit and was stopped (503)", req.getMethod(), req.getRequestURI());
            MetricsFilter.markTimedOut(req);
            resp.sendError(503, ErrorPages.TIMED_OUT);
        }
    }
}
