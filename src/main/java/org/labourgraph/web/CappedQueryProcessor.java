package org.labourgraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.labourgraph.sparql.QueryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuseki's SPARQL query handler with the endpoint's policy: queries the policy refuses get a 400 with the
 * reason, and SELECT results past the row cap are cut with an explicit signal (response headers and a log
 * line) — never silently, as some public endpoints do.
 */
final class CappedQueryProcessor extends SPARQL_QueryDataset {
    private static final Logger LOG = LoggerFactory.getLogger(CappedQueryProcessor.class);
    /** Always sent on SELECT results: the most rows this endpoint returns. */
    static final String ROW_LIMIT_HEADER = "X-Result-Row-Limit";
    /** Sent when the rows were cut at the limit. */
    static final String TRUNCATED_HEADER = "X-Result-Truncated";

    private final int rowCap;

    CappedQueryProcessor(int rowCap) {
        this.rowCap = rowCap;
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
        action.setResponseHeader(ROW_LIMIT_HEADER, Integer.toString(rowCap));
        if (truncated) {
            action.setResponseHeader(TRUNCATED_HEADER, "true");
            LOG.warn("[{}] Result cut at the row cap of {} rows: {}", action.id, rowCap, queryStringLog);
        }
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
    }
}
