package org.labourgraph.web.history;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.history.Provenance;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SiteContext;

/**
 * {@code /history/sparql}: SPARQL over the PROV-O of every change (who, when, why, which resources), for curators only
 * (the security handler asks for a curator login; without {@code --passwd} the endpoint does not exist). The same
 * provenance, as a dataset, is {@link Provenance#dataset(RevisionLog, String)} for any other curators' endpoint.
 * SELECT and ASK answer JSON (CSV with {@code Accept: text/csv}); CONSTRUCT and DESCRIBE answer Turtle.
 */
final class ProvenanceQueryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SiteContext ctx;
    private final transient RevisionLog log;
    private transient DatasetGraph cached;
    private transient long cachedHead = -1;

    ProvenanceQueryServlet(SiteContext ctx, RevisionLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        answer(req, resp, req.getParameter("query"));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType();
        answer(req, resp, type.startsWith("application/sparql-query")
                ? new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : req.getParameter("query"));
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, String text) throws IOException {
        if (ctx.settings.passwordFile().isEmpty() || !(req.isUserInRole("curator") || req.isUserInRole("admin"))) {
            Responses.send(resp, 404, "text/plain", "Not found.\n");
            return;
        }
        if (text == null || text.isBlank()) {
            Responses.send(resp, 400, "text/plain", "Give a SPARQL query as ?query= (GET or form POST) or as an"
                    + " application/sparql-query body. The provenance graph is <" + Provenance.GRAPH + "> (also the default graph).\n");
            return;
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            Responses.send(resp, 400, "text/plain", "SPARQL syntax error at line " + e.getLine() + ", column " + e.getColumn() + ": "
                    + e.getMessage() + "\n");
            return;
        }
        var refusal = QueryPolicy.refusal(query);
        if (refusal.isPresent()) {
            Responses.send(resp, 400, "text/plain", refusal.get() + "\n");
            return;
        }
        DatasetGraph provenance = provenance();
        String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type;
        try (QueryExecution qe = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.wrap(provenance))
                .timeout(ctx.settings.queryTimeout().toMillis()).build()) {
            if (query.isSelectType()) {
                if (accept.contains("text/csv")) {
                    ResultSetFormatter.outputAsCSV(out, qe.execSelect());
                    type = "text/csv";
                } else {
                    ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                    type = "application/sparql-results+json";
                }
            } else if (query.isAskType()) {
                ResultSetFormatter.outputAsJSON(out, qe.execAsk());
                type = "application/sparql-results+json";
            } else {
                RDFDataMgr.write(out, query.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
                type = "text/turtle";
            }
        }
        resp.setHeader("Cache-Control", "private, no-store");
        Responses.send(resp, 200, type, out.toString(StandardCharsets.UTF_8));
    }

    /** The provenance dataset, rebuilt when the history grew. */
    private synchronized DatasetGraph provenance() {
        long head = log.head(); // once: in external mode, each is a query to the store
        if (cachedHead != head) {
            cached = Provenance.dataset(log, ctx.settings.baseIri());
            cachedHead = head;
        }
        return cached;
    }
}
