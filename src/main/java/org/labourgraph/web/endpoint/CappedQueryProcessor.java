package org.labourgraph.web.endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.web.site.MetricsFilter;
import org.labourgraph.web.site.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuseki's SPARQL query handler with the endpoint's policy: queries the policy refuses get a 400 with the
 * reason, and results past the row cap (SELECT rows, CONSTRUCT and DESCRIBE triples) are cut with an explicit
 * signal (response headers and a log line) — never silently, as some public endpoints do.
 */
public final class CappedQueryProcessor extends SPARQL_QueryDataset {
    private static final Logger LOG = LoggerFactory.getLogger(CappedQueryProcessor.class);

    private final int rowCap;
    /** The server's query time limit (clients may ask for less), named in the 503 of a query that ran past it. */
    private final Duration timeout;

    public CappedQueryProcessor(int rowCap, Duration timeout) {
        this.rowCap = rowCap;
        this.timeout = timeout;
    }

    /** A GET (or HEAD) without a query asks for the service description. */
    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestParameter("query") == null && action.getRequestQueryString() == null) {
            sendServiceDescription(action);
            return;
        }
        super.execGet(action);
    }

    @Override
    public void execHead(HttpAction action) {
        if (action.getRequestParameter("query") == null && action.getRequestQueryString() == null) {
            sendServiceDescription(action);
            return;
        }
        super.execHead(action);
    }

    private static void sendServiceDescription(HttpAction action) {
        DatasetGraph dataset = action.getDataService().getDataset();
        List<Node> graphs = Txn.calculateRead(dataset, () -> {
            List<Node> names = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(names::add);
            return names;
        });
        String endpoint = action.getRequest().getRequestURL().toString();
        MediaType mediaType = ActionLib.contentNegotationRDF(action);
        Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
        action.setResponseStatus(200);
        action.setResponseContentType(mediaType.getContentTypeStr());
        action.setResponseCharacterEncoding("utf-8");
        try (OutputStream out = action.getResponseOutputStream()) {
            RDFDataMgr.write(out, ServiceDescription.of(endpoint, graphs), lang == null ? Lang.TURTLE : lang);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        QueryPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        try {
            return cappedQuery(action, queryExec, requestQuery, queryStringLog);
        } catch (QueryCancelledException e) {
            MetricsFilter.markTimedOut(action.getRequest()); // the metrics count it as a timeout (and a 5xx)
            if (action.getResponse().isCommitted()) {
                throw e; // too late for an error page: the results have started
            }
            try {
                // The site's 503 (ErrorPages: a page for browsers, JSON or text for others), not Fuseki's bare line.
                action.getResponse().sendError(503, "The query ran past the time limit (at most " + timeout.toMillis()
                        + " ms on this server) and was stopped. Narrow it or add a LIMIT, then try again.");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            ServletOps.error(503); // Fuseki then only sets the status; the body is the error page's
            throw e; // not reached: error() throws
        }
    }

    private QueryExecResult cappedQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        if (requestQuery.isConstructType()) {
            return cappedConstruct(action, queryExec, queryStringLog);
        }
        if (requestQuery.isDescribeType()) {
            // CappedDescribe (installed by the server) stops at the cap and says so in the execution's context.
            queryExec.getContext().set(CappedDescribe.TRIPLE_CAP, rowCap);
            QueryExecResult described = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
            signalCap(action, queryExec.getContext().isTrue(CappedDescribe.TRUNCATED), "triples", queryStringLog);
            return described;
        }
        if (!requestQuery.isSelectType()) {
            return super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        }
        RowSet rows = queryExec.select();
        // Read up to one row past the cap before the response starts, so the headers can tell the truth.
        List<Binding> kept = new ArrayList<>();
        boolean truncated = false;
        while (rows.hasNext()) {
            if (kept.size() == rowCap) {
                truncated = true;
                break;
            }
            kept.add(rows.next());
        }
        signalCap(action, truncated, "rows", queryStringLog);
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
    }

    /** CONSTRUCT: Fuseki's builds the whole result in memory; this one keeps at most the cap of triples (or quads). */
    private QueryExecResult cappedConstruct(HttpAction action, QueryExec queryExec, String queryStringLog) {
        Iterator<Quad> quads = queryExec.constructQuads();
        DatasetGraph kept = DatasetGraphFactory.create();
        long count = 0;
        boolean truncated = false;
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (kept.contains(q)) {
                continue;
            }
            if (count == rowCap) {
                truncated = true;
                break;
            }
            kept.add(q);
            count++;
        }
        signalCap(action, truncated, "triples", queryStringLog);
        return new QueryExecResult(kept);
    }

    /** The cap in the headers of every capped result, and whether this one was cut (logged too). */
    private void signalCap(HttpAction action, boolean truncated, String unit, String queryStringLog) {
        action.setResponseHeader(Responses.ROW_LIMIT_HEADER, Integer.toString(rowCap));
        if (truncated) {
            action.setResponseHeader(Responses.TRUNCATED_HEADER, "true");
            LOG.warn("[{}] Result cut at the cap of {} {}: {}", action.id, rowCap, unit, queryStringLog);
        }
    }
}
