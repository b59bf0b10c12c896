package org.labourgraph.web.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.web.site.RequestSizeLimitFilter;

/**
 * Fuseki's SPARQL Update handler with the whole request checked before anything runs: a parse error, LOAD,
 * SERVICE, a write to the default graph (the union of the named graphs here: {@link QueryPolicy#defaultGraphWrite}),
 * or a dataset named both by the protocol (using-graph-uri) and in the request (USING/WITH) is a 400
 * with the reason. The request body is already bounded by {@link RequestSizeLimitFilter}.
 */
public final class CheckedUpdateProcessor extends SPARQL_Update {
    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (RequestSizeLimitFilter.BodyTooLargeException e) {
            ServletOps.error(413, e.getMessage() + ": send the data in smaller parts.");
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.read(new ByteArrayInputStream(body), Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest("SPARQL Update syntax error at line " + e.getLine() + ", column " + e.getColumn() + ": "
                    + e.getMessage());
            return;
        }
        QueryPolicy.refusal(request).ifPresent(ServletOps::errorBadRequest);
        QueryPolicy.defaultGraphWrite(request).ifPresent(ServletOps::errorBadRequest);
        boolean protocolDataset = action.getRequestParameter("using-graph-uri") != null
                || action.getRequestParameter("using-named-graph-uri") != null;
        boolean requestDataset = request.getOperations().stream().anyMatch(op -> op instanceof UpdateWithUsing u
                && (u.getWithIRI() != null || !u.getUsing().isEmpty() || !u.getUsingNamed().isEmpty()));
        if (protocolDataset && requestDataset) {
            ServletOps.errorBadRequest("The update names its dataset twice: with using-graph-uri/using-named-graph-uri"
                    + " and with USING/USING NAMED/WITH. Use one or the other (SPARQL 1.1 Protocol, 2.2.3).");
        }
        super.execute(action, new ByteArrayInputStream(body));
    }
}
