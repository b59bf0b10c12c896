package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
 * would be public): each write is worked out as statements ({@link UpdateDeltas}) and checked against the shapes,
 * and goes to the store as one update of those statements. When the store holds the entailment graph that
 * {@code load --update-endpoint} wrote, the entailed statements the write brings or takes away go with it
 * ({@code entailed}, the same rules as a recorded write's), so that the store's entailed answers stay those of the
 * embedded store; when it does not ({@code load --no-entailments}), nothing entailed goes with it. The shapes
 * ({@code shapes}) see the write with whatever goes with it.
 *
 * <p>Without the history's revision number there is no guard against a write that another front-end makes to the same
 * statements at the same moment: the entailments are worked out from the store as each front-end read it.
 */
public final class UnrecordedWrites {
    private final RemoteSparqlService remote;
    private final Function<UpdateDeltas.Delta, UpdateDeltas.Delta> entailed;
    private final BiConsumer<UpdateDeltas.Delta, UpdateDeltas.Delta> shapes;

    /**
     * {@code entailed} gives a change's entailed statements; it is asked only once the entailment graph was found.
     * {@code shapes} checks a change with the entailed statements that go with it (throws {@link ChangeShapes.Refused}).
     */
    public UnrecordedWrites(RemoteSparqlService remote, Function<UpdateDeltas.Delta, UpdateDeltas.Delta> entailed,
                            BiConsumer<UpdateDeltas.Delta, UpdateDeltas.Delta> shapes) {
        this.remote = remote;
        this.entailed = entailed;
        this.shapes = shapes;
    }

    /**
     * Makes the change {@code change} works out, with its entailed statements when the store keeps them, and answers
     * the client: 400 when the change cannot be worked out as statements or breaks a shape, 502 when the store refuses
     * it; in either case nothing was written.
     */
    void apply(HttpServletResponse response, Supplier<UpdateDeltas.Delta> change) throws IOException {
        UpdateDeltas.Delta delta;
        boolean entailing;
        try {
            entailing = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH).holdsAny(NodeFactory.createURI(LG.ENTAILMENT_GRAPH));
            delta = change.get();
            if (delta.isEmpty()) {
                RecordedWrites.answer(response, "Update succeeded: it changed nothing.");
                return;
            }
            UpdateDeltas.Delta derived = entailing ? entailed.apply(delta) : UpdateDeltas.Delta.NONE;
            shapes.accept(delta, derived);
            remote.update(asUpdate(delta, derived));
        } catch (UpdateDeltas.NotRecordable | ChangeShapes.Refused e) {
            RemoteResponses.error(response, 400, e.getMessage());
            return;
        } catch (QueryExceptionHTTP | HttpException e) {
            RemoteResponses.error(response, 502, "The external SPARQL service did not take the change (nothing was written): "
                    + e.getMessage());
            return;
        }
        RecordedWrites.answer(response, "Update succeeded: " + delta.added().size() + " added, " + delta.deleted().size()
                + " deleted" + (entailing ? ", the entailed statements kept with them." : "."));
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
