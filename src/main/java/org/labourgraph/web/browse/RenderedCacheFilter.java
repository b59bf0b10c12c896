package org.labourgraph.web.browse;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.store.ChangeMarker;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.site.Conneg;
import org.labourgraph.web.site.HttpDates;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.Variant;

/**
 * Serves repeated requests for public pages and Linked-Data documents from {@link RenderedCache} instead of
 * querying again: a hit costs no query ({@code X-Labourgraph-Queries: 0}, {@code X-Labourgraph-Cache: hit}).
 *
 * <p>The key is everything a page is made from: the origin the client used (canonical links), path and query, the
 * negotiated variant and the page language. An entry is served only while no change committed after the store's
 * commit count it read <em>before</em> rendering could have altered it: for a resource document, a change that
 * touched that resource or a resource its page shows; for the other pages, any change. A page rendered while a
 * commit lands is thus never served as current, and an edit leaves the cached pages it did not touch valid. Left alone, never read from nor written to the cache: anything but GET, requests
 * with credentials (Authorization, an authenticated user, any cookie but the language one), paths other than the
 * public pages (so never {@code /curator/}), {@code Cache-Control: no-cache} requests (rendered afresh, then stored),
 * responses other than 200 (and 404 of {@code /doc/}, a decision made from the data at that marker), responses
 * that set another cookie or say {@code private}/{@code no-store}.
 */
public final class RenderedCacheFilter implements Filter {
    private static final int MAX_KEY_CHARS = 2048;
    /** Longer than the default query timeout: a waiting request gives up only once the render it waits for would have. */
    private static final long IN_FLIGHT_WAIT_SECONDS = 15;

    private final DatasetGraph dataset;
    private final RenderedCache cache;
    /** Keys being rendered now, each with a latch its waiters wait on. */
    private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();
    private volatile ChangeMarker marker;

    RenderedCacheFilter(DatasetGraph dataset, RenderedCache cache) {
        this.dataset = dataset;
        this.cache = cache;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        ChangeMarker m = marker();
        if (!m.watchesCommits() || !isPublicPage(req) || !isAnonymous(req)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(req);
        if (key.length() > MAX_KEY_CHARS) {
            chain.doFilter(request, response);
            return;
        }
        if (asksForFreshCopy(req)) {
            render(req, resp, chain, key);
            return;
        }
        RenderedCache.Entry hit = current(key);
        if (hit != null) {
            replay(req, resp, hit);
            return;
        }
        // One render per page at a time: sixteen clients asking at once for a page that takes a second to query
        // cost one query, not sixteen that each time out; the others wait and are served what it stored.
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = inFlight.putIfAbsent(key, mine);
        if (other != null) {
            hit = awaitRender(other, key);
            if (hit != null) {
                replay(req, resp, hit);
            } else {
                render(req, resp, chain, key); // it stored nothing (an error, a 5xx) or took too long: try ourselves
            }
            return;
        }
        try {
            hit = current(key); // stored between our first look and our claim
            if (hit != null) {
                replay(req, resp, hit);
            } else {
                render(req, resp, chain, key);
            }
        } finally {
            inFlight.remove(key, mine);
            mine.countDown();
        }
    }

    private RenderedCache.Entry awaitRender(CountDownLatch other, String key) throws IOException {
        try {
            if (!other.await(IN_FLIGHT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the same page to be rendered", e);
        }
        return current(key);
    }

    /** The cached entry of {@code key} if no change committed since it was rendered could have altered it. */
    private RenderedCache.Entry current(String key) {
        RenderedCache.Entry e = cache.get(key);
        if (e == null) {
            return null;
        }
        RenderedCache.Validity v = e.validity();
        if (marker().unchangedSince(v.commitsAtRender(), v.resourceIri())) {
            return e;
        }
        cache.remove(key, e);
        return null;
    }

    private void render(HttpServletRequest req, HttpServletResponse resp, FilterChain chain, String key)
            throws IOException, ServletException {
        // Read before rendering: a change that commits while the page renders makes the entry stale at once.
        RenderedCache.Validity validity = new RenderedCache.Validity(marker().commits(), resourceOf(req));
        CapturedResponse captured = new CapturedResponse(resp);
        chain.doFilter(new Unconditional(req), captured);
        if (captured.sentDirectly()) {
            return;
        }
        RenderedCache.Entry fresh = new RenderedCache.Entry(captured.status(), captured.headers(), captured.body(),
                captured.header("ETag"), captured.remembersLanguage(), validity);
        if (captured.storable() && (fresh.status() == 200 || (fresh.status() == 404 && req.getRequestURI().startsWith("/doc/")))) {
            cache.put(key, fresh);
        }
        resp.setHeader(Responses.CACHE_HEADER, "miss");
        sendBody(req, resp, fresh);
    }

    private ChangeMarker marker() {
        ChangeMarker m = marker;
        if (m == null) {
            m = ChangeMarker.of(dataset);
            marker = m;
        }
        return m;
    }

    /**
     * The public pages that are worth keeping: those of the routes declared {@link Route.Cache#PUBLIC_PAGE} (resource
     * documents, the browse pages, autocomplete, home).
     */
    static boolean isPublicPage(HttpServletRequest req) {
        if (!req.getMethod().equals("GET") || req.getHeader(HttpDates.ACCEPT_DATETIME) != null) {
            return false; // a Memento negotiation answers by the date asked for, not from the current page
        }
        String uri = req.getRequestURI();
        if (uri.equals("/")) {
            String q = req.getQueryString();
            return q == null || q.matches("lang=[a-z]{2}"); // as HomeFilter: other queries at the root are SPARQL
        }
        return RouteTable.isCacheablePage(uri);
    }

    /** No credentials of any kind: what an anonymous visitor sees is the only thing shared between visitors. */
    static boolean isAnonymous(HttpServletRequest req) {
        if (req.getHeader("Authorization") != null || req.getUserPrincipal() != null) {
            return false;
        }
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (!c.getName().equals(Language.COOKIE)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean asksForFreshCopy(HttpServletRequest req) {
        String cc = req.getHeader("Cache-Control");
        String pragma = req.getHeader("Pragma");
        return (cc != null && cc.toLowerCase(Locale.ROOT).contains("no-cache"))
                || (pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache"));
    }

    static String key(HttpServletRequest req) {
        String variant = Conneg.choose(req.getHeader("Accept")).map(Enum::name).orElse("-");
        String query = req.getQueryString() == null ? "" : req.getQueryString();
        return String.join("\u0000", SiteContext.origin(req), req.getRequestURI(), query, variant, Language.of(req));
    }

    /**
     * The IRI of the resource a {@code /doc/…} page describes (its extension, if any, dropped), whose changes alone
     * can alter it; null for the other pages, which are made from the whole store.
     */
    static String resourceOf(HttpServletRequest req) {
        String uri = req.getRequestURI();
        if (!uri.startsWith("/doc/")) {
            return null;
        }
        String path = uri.substring("/doc/".length());
        int dot = path.lastIndexOf('.');
        boolean variantExtension = dot > path.lastIndexOf('/') && Variant.byName(path.substring(dot + 1)).isPresent();
        return LG.ID_NS + (variantExtension ? path.substring(0, dot) : path); // as DocumentServlet reads the path
    }

    private static void replay(HttpServletRequest req, HttpServletResponse resp, RenderedCache.Entry e) throws IOException {
        resp.setStatus(e.status());
        Set<String> set = new HashSet<>();
        for (Map.Entry<String, String> h : e.headers()) {
            if (set.add(h.getKey().toLowerCase(Locale.ROOT))) {
                resp.setHeader(h.getKey(), h.getValue());
            } else {
                resp.addHeader(h.getKey(), h.getValue());
            }
        }
        if (e.remembersLanguage()) {
            Language.choose(req, resp);
        }
        resp.setHeader(Responses.QUERY_COUNT, "0");
        resp.setHeader(Responses.CACHE_HEADER, "hit");
        sendBody(req, resp, e);
    }

    private static void sendBody(HttpServletRequest req, HttpServletResponse resp, RenderedCache.Entry e) throws IOException {
        if (e.status() == 200 && e.etag() != null && Responses.notModified(req, resp, e.etag())) {
            return;
        }
        resp.setContentLength(e.body().length);
        resp.getOutputStream().write(e.body());
    }

    /** The request without its conditional headers: the page is always rendered whole, then compared here. */
    private static final class Unconditional extends HttpServletRequestWrapper {
        private static final List<String> HIDDEN = List.of("if-none-match", "if-modified-since");

        Unconditional(HttpServletRequest request) {
            super(request);
        }

        private static boolean hidden(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return hidden(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(Unconditional::hidden);
            return Collections.enumeration(names);
        }
    }
}
