package org.labourgraph.web.browse;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import java.util.function.LongFunction;

import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.history.RevisionStates;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.store.Entailments;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.site.HttpDates;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SiteContext;

/**
 * {@code /doc/<kind>/<name>?rev=N}: the document as it stood after revision N — the same page and the same RDF
 * representations by the same negotiation, produced by the document servlet over the store at that revision. A
 * stable, citable URL; Memento headers ({@code Memento-Datetime}, {@code Link} to the original and the history).
 * Embedded, the state is the store copied with the later revisions undone ({@link RevisionStates}); over an external
 * store, the store read by lookups with them undone in memory ({@link ExternalStoreAtRevision}).
 */
public final class RevisionViewFilter implements Filter {
    /** Readings of an external store's past state, while other front-ends write, before a 503. */
    private static final int ATTEMPTS = 3;
    /** Request attribute the resource page reads to say which revision it shows. */
    static final String AS_OF = "labourgraph.asOfRevision";
    private final SiteContext ctx;
    private final RevisionLog log;
    /** The dataset as it stood after a revision. */
    private final LongFunction<DatasetGraph> stateAt;

    public RevisionViewFilter(SiteContext ctx, RecordingDataset store) {
        this(ctx, store.log(), new RevisionStates(store, LabourStore.ENTAILMENT_GRAPH, Entailments::of)::at);
    }

    private RevisionViewFilter(SiteContext ctx, RevisionLog log, LongFunction<DatasetGraph> stateAt) {
        this.ctx = ctx;
        this.log = log;
        this.stateAt = stateAt;
    }

    /** Over an external store whose history is {@code log}: each view reads the store as it is, later revisions undone. */
    public static RevisionViewFilter overExternalStore(SiteContext ctx, RevisionLog log, RemoteSparqlService remote) {
        return new RevisionViewFilter(ctx, log, number -> ExternalStoreAtRevision.of(remote, log, number));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String rev = req.getParameter("rev");
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String docPath = path.replaceFirst("\\.[a-z]+$", "");
        String historyPath = "/history" + docPath.substring("/doc".length());
        if (rev == null) {
            // The current document links its history (RFC 5829), for clients that follow Link headers.
            chain.doFilter(request, withLinks(resp, "<" + historyPath + ">; rel=\"version-history\""));
            return;
        }
        long number;
        try {
            number = Long.parseLong(rev);
        } catch (NumberFormatException e) {
            Responses.send(resp, 400, "text/plain", "?rev= takes a revision number (see the resource's History tab), not '" + rev + "'.\n");
            return;
        }
        Optional<Revision> revision = log.revision(number);
        if (revision.isEmpty()) {
            Responses.send(resp, 404, "text/plain", "There is no revision " + number + ": the history has " + log.head()
                    + " revisions.\n");
            return;
        }
        String links = "<" + docPath + ">; rel=\"original latest-version\", <" + historyPath + ">; rel=\"version-history\"";
        resp.setHeader("Memento-Datetime", HttpDates.format(revision.get().time()));
        req.setAttribute(AS_OF, number + " (" + revision.get().time() + ")");
        HttpServletResponse withLinks = withLinks(resp, links);
        withLinks.setHeader("Link", "<" + historyPath + "?format=json>; rel=\"alternate\"; type=\"application/json\"");
        render(req, withLinks, number);
    }

    /**
     * The document over the state at {@code number}. An external store's state is read while the page renders, so a
     * write another front-end records meanwhile would show in it: then the page is made again (the body is held back
     * until the log's head is seen unchanged), and after {@link #ATTEMPTS} such races the answer is 503.
     */
    private void render(HttpServletRequest req, HttpServletResponse resp, long number) throws IOException, ServletException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            DatasetGraph state = stateAt.apply(number);
            if (!(state instanceof ExternalStoreAtRevision read)) {
                new DocumentServlet(new SiteContext(ctx.settings, state)).service(req, resp);
                return;
            }
            CapturedResponse captured = new CapturedResponse(resp);
            new DocumentServlet(new SiteContext(ctx.settings, state)).service(req, captured);
            if (captured.sentDirectly()) {
                return;
            }
            if (log.head() == read.head()) {
                resp.getOutputStream().write(captured.body());
                return;
            }
        }
        resp.setHeader("Retry-After", "1");
        Responses.send(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "text/plain", "The store changed " + ATTEMPTS
                + " times while revision " + number + " of this document was being read from it; ask again.\n");
    }

    /** The response with {@code links} added to whatever Link header the servlet sets. */
    private static HttpServletResponse withLinks(HttpServletResponse resp, String links) {
        return new HttpServletResponseWrapper(resp) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, name.equalsIgnoreCase("Link") ? value + ", " + links : value);
            }
        };
    }
}
