package org.labourgraph.web.browse;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers {@code GET /} (and {@code /?lang=…}) with the home page. Fuseki serves the dataset at the root;
 * SPARQL requests there ({@code ?query=} …) still pass through to it.
 */
final class HomeFilter implements Filter {
    private final BrowseServlet pages;

    HomeFilter(BrowseServlet pages) {
        this.pages = pages;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String uri = http.getRequestURI();
        boolean root = uri.equals("/") || uri.isEmpty();
        boolean read = http.getMethod().equals("GET") || http.getMethod().equals("HEAD");
        String q = http.getQueryString();
        boolean onlyLang = q == null || q.matches("lang=[a-z]{2}");
        if (root && read && onlyLang) {
            pages.doGet(http, (HttpServletResponse) response);
            return;
        }
        chain.doFilter(request, response);
    }
}
