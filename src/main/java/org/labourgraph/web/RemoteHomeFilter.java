package org.labourgraph.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers {@code GET /} in external-endpoint mode, where the browse pages (which read the embedded store)
 * are not served: a static page listing what this server offers in that mode.
 */
final class RemoteHomeFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean root = http.getRequestURI().equals(http.getContextPath() + "/") || http.getRequestURI().equals(http.getContextPath());
        boolean read = http.getMethod().equals("GET") || http.getMethod().equals("HEAD");
        if (root && read && http.getQueryString() == null) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setContentType("text/html;charset=utf-8");
            try (InputStream page = RemoteHomeFilter.class.getResourceAsStream("remote-home.html")) {
                page.transferTo(out.getOutputStream());
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
