package org.labourgraph.web.curation;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.labourgraph.history.Attribution.Channel;
import org.labourgraph.history.Attribution;

/**
 * Names the author and the reason of the changes a write request makes, for the history: the authenticated account
 * (the security handler has run) and the {@code X-Change-Message} header (percent-encoded UTF-8 allowed), or a
 * default message naming the operation. Fuseki runs the request on this thread, so the attribution reaches the commit.
 */
public final class ChangeAttributionFilter implements Filter {
    static final String MESSAGE_HEADER = "X-Change-Message";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        String method = http.getMethod();
        Channel channel = null;
        String operation = null;
        if ((path.equals("/update") || path.startsWith("/update/")) && method.equals("POST")) {
            channel = Channel.UPDATE;
            operation = "SPARQL Update";
        } else if ((path.equals("/data") || path.startsWith("/data/")) && !method.equals("GET") && !method.equals("HEAD")
                && !method.equals("OPTIONS")) {
            channel = Channel.GRAPH_STORE;
            String graph = graphParameter(http.getQueryString()); // the query string only: never read the body here
            operation = "Graph Store " + method + (graph == null ? " (default graph)" : " <" + graph + ">");
        }
        if (channel == null) {
            chain.doFilter(request, response);
            return;
        }
        new Attribution(author(http), message(http, operation), channel).bind();
        try {
            chain.doFilter(request, response);
        } finally {
            Attribution.clear();
        }
    }

    private static String graphParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("graph=")) {
                try {
                    return URLDecoder.decode(part.substring("graph=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return part.substring("graph=".length());
                }
            }
        }
        return null;
    }

    public static String author(HttpServletRequest http) {
        Principal user = http.getUserPrincipal();
        return user == null ? "anonymous" : user.getName();
    }

    /** The client's message for the change, or {@code fallback}; one line, at most 500 characters. */
    static String message(HttpServletRequest http, String fallback) {
        String given = http.getHeader(MESSAGE_HEADER);
        if (given == null || given.isBlank()) {
            return fallback;
        }
        String text;
        try {
            text = URLDecoder.decode(given.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            text = given;
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
