package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.jena.query.QueryParseException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.sparql.RemoteSparqlService;

/**
 * {@code /update} in external-endpoint mode on a server started with --passwd: the caller has already been
 * authenticated (the same security handler as the embedded mode guards this path), the update is parsed and
 * checked here (LOAD and SERVICE refused), then forwarded to --update-endpoint with the service's own
 * credentials. Update by GET is refused, as the protocol requires. Where the store keeps the history
 * ({@link StoreChangeLog}), the update is first turned into the statements it changes ({@link UpdateDeltas}) and those
 * are sent, with their revision, as one guarded operation ({@link RecordedWrites}); where it keeps none but holds the
 * entailment graph, they are sent with the entailed statements they bring ({@link UnrecordedWrites}).
 */
public final class RemoteUpdateServlet extends jakarta.servlet.http.HttpServlet {
    private static final String SPARQL_UPDATE = "application/sparql-update";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final transient RemoteSparqlService remote;
    /** Where each write is recorded as a revision; empty when the store keeps no history (store-default data). */
    private final transient Optional<StoreChangeLog> history;

    /** Where there is no history: how a write keeps the store's entailment graph ({@link UnrecordedWrites}). */
    private final transient Optional<UnrecordedWrites> unrecorded;

    public RemoteUpdateServlet(RemoteSparqlService remote, Optional<StoreChangeLog> history, Optional<UnrecordedWrites> unrecorded) {
        this.remote = remote;
        this.history = history;
        this.unrecorded = history.isPresent() ? Optional.empty() : unrecorded;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        RemoteResponses.error(response, 405, "SPARQL Update must be sent by POST (" + SPARQL_UPDATE + " or " + FORM + "), never GET.");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = RemoteQueryServlet.mediaType(request.getContentType());
        String text;
        if (type.equals(FORM)) {
            text = request.getParameter("update");
        } else if (type.equals(SPARQL_UPDATE)) {
            try (InputStream in = request.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            RemoteResponses.error(response, 415, "Unsupported media type '" + request.getContentType() + "': POST an update as "
                    + SPARQL_UPDATE + " or " + FORM + " (update=…).");
            return;
        }
        if (text == null || text.isBlank()) {
            RemoteResponses.error(response, 400, "Missing the update: send it as the body (" + SPARQL_UPDATE + ") or as update=….");
            return;
        }
        UpdateRequest update;
        try {
            update = UpdateFactory.create(text);
        } catch (QueryParseException e) {
            RemoteResponses.error(response, 400, "Parse error: " + e.getMessage());
            return;
        }
        Optional<String> refusal = QueryPolicy.refusal(update).or(() -> QueryPolicy.defaultGraphWrite(update));
        if (refusal.isPresent()) {
            RemoteResponses.error(response, 400, refusal.get());
            return;
        }
        List<String> using = values(request, "using-graph-uri");
        List<String> usingNamed = values(request, "using-named-graph-uri");
        if (history.isEmpty()) {
            if (unrecorded.isPresent()) {
                unrecorded.get().apply(response, () -> UpdateDeltas.of(update, using, usingNamed, remote::selectStored));
            } else {
                RemoteResponses.forward(response, "update service", () -> remote.forwardUpdate(text, using, usingNamed));
            }
            return;
        }
        Optional<String> historyWrite = RecordedWrites.touchesHistory(update);
        if (historyWrite.isPresent()) {
            RemoteResponses.error(response, 400, historyWrite.get());
            return;
        }
        RecordedWrites.record(response, history.get(),
                () -> UpdateDeltas.of(update, using, usingNamed, remote::selectStored));
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }
}
