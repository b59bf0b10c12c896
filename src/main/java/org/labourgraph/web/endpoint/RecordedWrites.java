package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.modify.request.UpdateData;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.HistoryException;
import org.labourgraph.history.Revision;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.validate.ChangeShapes;

/**
 * A write through an external-mode front-end whose store keeps the history: the change, worked out as statements,
 * is made and recorded by {@link StoreChangeLog#record} in one guarded operation, by the account and with the message
 * of the request's {@link Attribution}. The answer says which revision it became (or that nothing changed); an update
 * that cannot be recorded is refused before anything is written.
 */
final class RecordedWrites {
    private RecordedWrites() {}

    /** Why {@code update} is refused if it writes the history's own graph; empty otherwise. */
    static Optional<String> touchesHistory(UpdateRequest update) {
        Node log = org.apache.jena.graph.NodeFactory.createURI(StoreChangeLog.GRAPH);
        for (Update op : update.getOperations()) {
            List<Quad> written = new ArrayList<>();
            if (op instanceof UpdateData data) {
                written.addAll(data.getQuads());
            } else if (op instanceof UpdateDeleteWhere deleteWhere) {
                written.addAll(deleteWhere.getQuads());
            } else if (op instanceof UpdateModify modify) {
                written.addAll(modify.getDeleteQuads());
                written.addAll(modify.getInsertQuads());
                if (log.equals(modify.getWithIRI())) {
                    return Optional.of(refusal());
                }
            } else if (op instanceof UpdateDropClear drop && drop.isOneGraph() && log.equals(drop.getGraph())) {
                return Optional.of(refusal());
            }
            if (written.stream().anyMatch(q -> log.equals(q.getGraph()))) {
                return Optional.of(refusal());
            }
        }
        return Optional.empty();
    }

    static String refusal() {
        return "The graph <" + StoreChangeLog.GRAPH + "> is the change history that this server writes itself: it is not"
                + " written by requests.";
    }

    /** Makes and records the change {@code delta} works out, and answers the client. */
    static void record(HttpServletResponse response, StoreChangeLog history, Supplier<UpdateDeltas.Delta> delta) throws IOException {
        Optional<Revision> made;
        try {
            made = history.record(delta, Attribution.current());
        } catch (UpdateDeltas.NotRecordable | ChangeShapes.Refused e) {
            RemoteResponses.error(response, 400, e.getMessage());
            return;
        } catch (StoreChangeLog.Contended e) {
            response.setHeader("Retry-After", "1");
            RemoteResponses.error(response, 503, e.getMessage());
            return;
        } catch (QueryExceptionHTTP | HttpException e) {
            RemoteResponses.error(response, 502, "The external SPARQL service did not take the change (nothing was recorded): "
                    + e.getMessage());
            return;
        } catch (HistoryException e) {
            RemoteResponses.error(response, 500, e.getMessage());
            return;
        }
        if (made.isEmpty()) {
            answer(response, "Update succeeded: it changed nothing, so no revision was recorded.");
            return;
        }
        Revision r = made.get();
        response.setHeader("Link", "</changes/" + r.number() + ">; rel=\"version\"");
        answer(response, "Update succeeded: revision " + r.number() + " (" + r.added().size() + " added, "
                + r.deleted().size() + " deleted), listed at /changes.");
    }

    /** A write's 200 answer, in plain text. */
    static void answer(HttpServletResponse response, String message) throws IOException {
        response.setStatus(200);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
