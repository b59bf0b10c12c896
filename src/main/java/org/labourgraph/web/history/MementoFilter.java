package org.labourgraph.web.history;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.labourgraph.history.Mementos;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.web.site.HttpDates;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.Routes;

/**
 * Memento (RFC 7089, pattern 1.1: the original resource is its own TimeGate). On {@code /doc/<kind>/<name>} (and
 * {@code /id/…}), a request with {@code Accept-Datetime} is answered {@code 302} to the revision in force at that
 * time ({@code /doc/…?rev=N}, see {@link RevisionViewFilter}) with {@code Vary: accept-datetime} and links to the
 * original and the TimeMap; the current document says it is a TimeGate ({@code Vary}, {@code Link}); a memento
 * ({@code ?rev=N}) links its original, TimeGate, TimeMap and its first, last, previous and next mementos.
 */
public final class MementoFilter implements Filter {
    private final RevisionLog log;
    private final String baseIri;

    MementoFilter(RevisionLog log, String baseIri) {
        this.log = log;
        this.baseIri = baseIri;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean isId = path.startsWith("/id/");
        if (!(req.getMethod().equals("GET") || req.getMethod().equals("HEAD")) || !(isId || path.startsWith("/doc/"))) {
            chain.doFilter(request, response);
            return;
        }
        String rest = path.substring(isId ? 3 : 4);
        String slug = rest.replaceFirst("\\.[a-z]+$", "");
        String extension = rest.substring(slug.length());
        String docPath = "/doc" + slug;
        String timemap = Routes.TIME_MAPS + slug;
        String acceptDatetime = req.getHeader(HttpDates.ACCEPT_DATETIME);
        String rev = req.getParameter("rev");
        if (rev != null) {
            if (rev.matches("[1-9][0-9]{0,17}")) {
                Mementos mementos = Mementos.of(log, baseIri + "id" + slug);
                chain.doFilter(request, adding(resp, mementoLinks(mementos, Long.parseLong(rev), docPath, timemap), false));
            } else {
                chain.doFilter(request, response); // the revision view explains the error
            }
            return;
        }
        if (isId && acceptDatetime == null) {
            chain.doFilter(request, response);
            return;
        }
        // Only a TimeGate request needs the log as it is now; a page's links may come from a read a moment old.
        Mementos mementos = acceptDatetime == null ? Mementos.lately(log, baseIri + "id" + slug) : Mementos.of(log, baseIri + "id" + slug);
        if (mementos.isEmpty()) {
            chain.doFilter(request, response); // no history: the document answers (or its 404)
            return;
        }
        String originalLinks = "<" + docPath + ">; rel=\"original timegate\", " + timemapLink(mementos, timemap);
        if (acceptDatetime == null) {
            resp.setHeader("Link", originalLinks);
            chain.doFilter(request, adding(resp, originalLinks, true));
            return;
        }
        Optional<Instant> wanted = HttpDates.parse(acceptDatetime);
        if (wanted.isEmpty()) {
            resp.setHeader("Vary", "accept-datetime");
            Responses.send(resp, 400, "text/plain", "Accept-Datetime must be an HTTP date, e.g. 'Thu, 01 Apr 2027 00:00:00 GMT'"
                    + " (RFC 7089), not '" + acceptDatetime + "'. The versions of this resource are listed at " + timemap + ".\n");
            return;
        }
        Revision chosen = mementos.at(wanted.get()).orElseThrow();
        String query = req.getQueryString() == null ? "" : "&" + req.getQueryString();
        resp.setStatus(HttpServletResponse.SC_FOUND);
        resp.setHeader("Location", docPath + extension + "?rev=" + chosen.number() + query);
        resp.setHeader("Vary", "accept-datetime");
        resp.setHeader("Link", originalLinks);
        resp.setContentLength(0);
    }

    private static String timemapLink(Mementos mementos, String timemap) {
        return "<" + timemap + ">; rel=\"timemap\"; type=\"application/link-format\"; from=\"" + HttpDates.format(mementos.first().time())
                + "\"; until=\"" + HttpDates.format(mementos.last().time()) + "\"";
    }

    /** The links of the memento at revision {@code number}: TimeGate, TimeMap, first, last, previous and next mementos. */
    static String mementoLinks(Mementos mementos, long number, String docPath, String timemap) {
        List<String> links = new ArrayList<>();
        links.add("<" + docPath + ">; rel=\"timegate\"");
        if (mementos.isEmpty()) {
            return String.join(", ", links);
        }
        links.add(timemapLink(mementos, timemap));
        // One link per memento, its relations together (RFC 7089 §2.2: "first last memento" when it is both).
        Map<Revision, List<String>> rels = new LinkedHashMap<>();
        rels.computeIfAbsent(mementos.first(), r -> new ArrayList<>()).add("first");
        rels.computeIfAbsent(mementos.last(), r -> new ArrayList<>()).add("last");
        mementos.inForceAt(number).flatMap(c -> mementos.before(c.number()))
                .ifPresent(p -> rels.computeIfAbsent(p, r -> new ArrayList<>()).add("prev"));
        mementos.after(number).ifPresent(n -> rels.computeIfAbsent(n, r -> new ArrayList<>()).add("next"));
        rels.forEach((r, names) -> links.add("<" + docPath + "?rev=" + r.number() + ">; rel=\"" + String.join(" ", names)
                + " memento\"; datetime=\"" + HttpDates.format(r.time()) + "\""));
        return String.join(", ", links);
    }

    /** The response with {@code links} added to every Link header the chain sets, and accept-datetime to Vary. */
    private static HttpServletResponse adding(HttpServletResponse resp, String links, boolean varies) {
        return new HttpServletResponseWrapper(resp) {
            @Override
            public void setHeader(String name, String value) {
                if (name.equalsIgnoreCase("Link")) {
                    super.setHeader(name, value + ", " + links);
                } else if (varies && name.equalsIgnoreCase("Vary")) {
                    super.setHeader(name, value + ", Accept-Datetime");
                } else {
                    super.setHeader(name, value);
                }
            }
        };
    }
}
