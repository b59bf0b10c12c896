package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.validate.ChangeShapes;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.vocab.LG;

/**
 * Writes through a front-end whose store keeps no history ({@code --data-graphs store-default}: a history graph there
 * would be public) but holds the entailment graph that {@code load --update-endpoint} wrote: each write is worked out
 * as statements ({@link UpdateDeltas}), the entailed statements it brings or takes away are added ({@code consequences},
 * the same rules as a recorded write's), and both go to the store as one update, so that its entailed answers stay
 * those of the embedded store. A store without the entailment graph gets the client's update as it was sent.
 *
 * <p>Without the history's revision number there is no guard against a write that another front-end makes to the same
 * statements at the same moment: the entailments are worked out from the store as each front-end read it.
 */
public final class UnrecordedWrites {
    private final RemoteSparqlService remote;
    private final Function<UpdateDeltas.Delta, UpdateDeltas.Delta> consequences;

    /** {@code consequences} gives a change's entailed statements; it is asked only once the entailment graph was found. */
    public UnrecordedWrites(RemoteSparqlService remote, Function<UpdateDeltas.Delta, UpdateDeltas.Delta> consequences) {
        this.remote = remote;
        this.consequences = consequences;
    }

    /**
     * Makes the change {@code change} works out, with its entailed statements, and answers the client — when the store
     * holds the entailment graph. False when it does not: nothing was done, and the caller forwards the request as sent.
     */
    boolean apply(HttpServletResponse response, Supplier<UpdateDeltas.Delta> change) throws IOException {
        UpdateDeltas.Delta delta;
        try {
            if (!new RemoteQuads(remote, LG.ENTAILMENT_GRAPH).holdsAny(NodeFactory.createURI(LG.ENTAILMENT_GRAPH))) {
                return false;
            }
            delta = change.get();
            if (delta.isEmpty()) {
                RecordedWrites.answer(response, "Update succeeded: it changed nothing.");
                return true;
            }
            UpdateDeltas.Delta derived = consequences.apply(delta);
            remote.update(asUpdate(delta, derived));
        } catch (UpdateDeltas.NotRecordable | ChangeShapes.Refused e) {
            RemoteResponses.error(response, 400, e.getMessage());
            return true;
        } catch (QueryExceptionHTTP | HttpException e) {
            RemoteResponses.error(response, 502, "The external SPARQL service did not take the change (nothing was written): "
                    + e.getMessage());
            return true;
        }
        RecordedWrites.answer(response, "Update succeeded: " + delta.added().size() + " added, " + delta.deleted().size()
                + " deleted, the entailed statements kept with them.");
        return true;
    }

    /** One request, one transaction on the store: the deletions, then the additions, stated and entailed. */
    static UpdateRequest asUpdate(UpdateDeltas.Delta stated, UpdateDeltas.Delta derived) {
        List<Quad> deleted = new ArrayList<>(stated.deleted());
        deleted.addAll(derived.deleted());
        List<Quad> added = new ArrayList<>(stated.added());
        added.addAll(derived.added());
        UpdateRequest request = new UpdateRequest();
        if (!deleted.isEmpty()) {
            request.add(new UpdateDataDelete(new QuadDataAcc(deleted)));
        }
        if (!added.isEmpty()) {
            request.add(new UpdateDataInsert(new QuadDataAcc(added)));
        }
        return request;
    }
}
