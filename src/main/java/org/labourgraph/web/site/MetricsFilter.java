package org.labourgraph.web.site;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.jena.fuseki.metrics.MetricsProvider;

/**
 * Counts every request into the registry of Fuseki's Prometheus module ({@code FMod_Prometheus}): requests and
 * latency per route and status class, page-cache hits and misses, the SPARQL queries each page cost, query
 * timeouts and row-cap cuts. It reads what the pipeline already says in its response headers
 * ({@code X-Labourgraph-Cache}, {@code X-Labourgraph-Queries}, {@code X-Result-Truncated}), so no handler knows of it.
 */
public final class MetricsFilter implements Filter {
    /** Latency buckets (Prometheus {@code le}): enough to read a p50/p99 per route, few enough to keep the scrape small. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(10)};
    /** Paths that Fuseki's own dispatcher serves (its servlet is mapped at "/", like unknown paths): from the route table. */
    private static final Set<String> ENDPOINTS = RouteTable.fusekiPaths();

    /** Request attribute set by a handler that answered a query stopped by its time limit itself (503). */
    private static final String TIMED_OUT = "org.labourgraph.queryTimedOut";

    private MeterRegistry registry;

    /** Tells the metrics that this request's query was stopped by the time limit, when the handler answers it itself. */
    public static void markTimedOut(HttpServletRequest request) {
        request.setAttribute(TIMED_OUT, Boolean.TRUE);
    }

    @Override
    public void init(FilterConfig config) {
        MetricsProvider provider = MetricsProvider.getMetricsProvider(config.getServletContext());
        if (provider == null) {
            throw new IllegalStateException("the metrics filter needs Fuseki's Prometheus module (FMod_Prometheus) in the server");
        }
        registry = provider.getMeterRegistry();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String route = route(req);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            int status = ErrorPages.statusOf(e); // the status the error page answers with
            if (status == 503) {
                timedOut(route);
            }
            record(route, req, status, start);
            throw e;
        }
        if (Boolean.TRUE.equals(req.getAttribute(TIMED_OUT))) {
            timedOut(route);
        }
        record(route, req, resp.getStatus(), start);
        String cache = resp.getHeader(Responses.CACHE_HEADER);
        if (cache != null) {
            Counter.builder("labourgraph.page.cache").description("Page-cache lookups: a hit is served from memory, no query")
                    .tag("result", cache).register(registry).increment();
        }
        String queries = resp.getHeader(Responses.QUERY_COUNT);
        if (queries != null && queries.matches("[0-9]{1,9}")) {
            DistributionSummary.builder("labourgraph.page.queries").description("SPARQL queries a page cost (0 from the cache)")
                    .tag("route", route).register(registry).record(Integer.parseInt(queries));
        }
        if ("true".equals(resp.getHeader(Responses.TRUNCATED_HEADER))) {
            Counter.builder("labourgraph.sparql.truncated").description("SELECT results cut at the row cap")
                    .register(registry).increment();
        }
    }

    private void timedOut(String route) {
        Counter.builder("labourgraph.query.timeouts").description("Queries stopped by the time limit, by route")
                .tag("route", route).register(registry).increment();
    }

    private void record(String route, HttpServletRequest req, int status, long start) {
        Timer.builder("labourgraph.http.requests").description("HTTP requests by route, method and status class")
                .tags("route", route, "method", method(req), "status", (status / 100) + "xx")
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The route: the servlet mapping's pattern ({@code /doc/*}, {@code /hierarchy}), a bounded set of values; for
     * Fuseki's dispatcher at "/" the endpoint's path, or {@code /} for the home page, or {@code other}.
     */
    static String route(HttpServletRequest req) {
        String pattern = req.getHttpServletMapping() == null ? "" : req.getHttpServletMapping().getPattern();
        if (pattern != null && !pattern.isEmpty() && !pattern.equals("/")) {
            return pattern;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            return "/";
        }
        return ENDPOINTS.contains(path) ? path : "other";
    }

    private static String method(HttpServletRequest req) {
        return switch (req.getMethod()) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> req.getMethod();
            default -> "other";
        };
    }
}
