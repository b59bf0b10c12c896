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
 * Answers {@code GET /} with the start page. Fuseki serves the dataset at the root, and a bare request
 * there would otherwise be a 400 "no endpoint"; SPARQL requests on the root ({@code ?query=}) still pass.
 */
final class HomePageFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean root = http.getRequestURI().equals(http.getContextPath() + "/") || http.getRequestURI().equals(http.getContextPath());
        boolean read = http.getMethod().equals("GET") || http.getMethod().equals("HEAD");
        if (root && read && http.getQueryString() == null) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setContentType("text/html;charset=utf-8");
            try (InputStream page = HomePageFilter.class.getResourceAsStream("home.html")) {
                page.transferTo(out.getOutputStream());
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
