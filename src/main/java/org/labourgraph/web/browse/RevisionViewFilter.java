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

import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionStates;
import org.labourgraph.store.Entailments;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.site.HttpDates;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SiteContext;

/**
 * {@code /doc/<kind>/<name>?rev=N}: the document as it stood after revision N — the same page and the same RDF
 * representations by the same negotiation, produced by the document servlet over the store at that revision. A
 * stable, citable URL; Memento headers ({@code Memento-Datetime}, {@code Link} to the original and the history).
 */
public final class RevisionViewFilter implements Filter {
    /** Request attribute the resource page reads to say which revision it shows. */
    static final String AS_OF = "labourgraph.asOfRevision";
    private final SiteContext ctx;
    private final RecordingDataset store;
    private final RevisionStates states;

    public RevisionViewFilter(SiteContext ctx, RecordingDataset store) {
        this.ctx = ctx;
        this.store = store;
        this.states = new RevisionStates(store, LabourStore.ENTAILMENT_GRAPH, Entailments::of);
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
        Optional<Revision> revision = store.log().revision(number);
        if (revision.isEmpty()) {
            Responses.send(resp, 404, "text/plain", "There is no revision " + number + ": the history has " + store.log().head()
                    + " revisions.\n");
            return;
        }
        String links = "<" + docPath + ">; rel=\"original latest-version\", <" + historyPath + ">; rel=\"version-history\"";
        resp.setHeader("Memento-Datetime", HttpDates.format(revision.get().time()));
        req.setAttribute(AS_OF, number + " (" + revision.get().time() + ")");
        HttpServletResponse withLinks = withLinks(resp, links);
        withLinks.setHeader("Link", "<" + historyPath + "?format=json>; rel=\"alternate\"; type=\"application/json\"");
        new DocumentServlet(new SiteContext(ctx.settings, states.at(number))).service(req, withLinks);
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
