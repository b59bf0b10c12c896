package org.labourgraph.cli;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.update.UpdateRequest;

/**
 * Sends an import to a running server as ONE SPARQL Update request (optional DROPs, then INSERT DATA per
 * graph, or INSERT … WHERE {} for a graph with blank nodes), built with Jena's update objects — never by pasting text — so the server applies it in one
 * transaction: all of it, or nothing.
 */
final class ServerImport {
    private ServerImport() {}

    record Outcome(boolean ok, int status, String message) {}

    static Outcome send(URI updateEndpoint, Optional<String> authorization, Map<String, Graph> graphs, boolean replace) {
        UpdateRequest request = new UpdateRequest();
        graphs.forEach((iri, content) -> {
            Node g = NodeFactory.createURI(iri);
            if (replace) {
                request.add(new UpdateDrop(Target.create(g), true));
            }
            if (hasBlankNodes(content)) {
                // INSERT { GRAPH g { … } } WHERE {}: the same triples (one solution, so one fresh node per label), and the
                // form stores that refuse blank nodes in INSERT DATA (Virtuoso 7: "not allowed in a constant clause") accept.
                UpdateModify insert = new UpdateModify();
                insert.setHasInsertClause(true);
                content.find().forEachRemaining(t -> insert.getInsertAcc().addQuad(new Quad(g, t)));
                insert.setElement(new ElementGroup());
                request.add(insert);
            } else {
                QuadDataAcc quads = new QuadDataAcc();
                content.find().forEachRemaining(t -> quads.addQuad(new Quad(g, t)));
                request.add(new UpdateDataInsert(quads));
            }
        });
        HttpRequest.Builder builder = HttpRequest.newBuilder(updateEndpoint)
                .header("Content-Type", "application/sparql-update; charset=utf-8")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return exchange(builder.build(), updateEndpoint);
    }

    private static boolean hasBlankNodes(Graph content) {
        return content.stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
    }

    /**
     * Sends private content to a server's curators' area ({@code /curator/private}) as one TriG body — one
     * transaction there: POST adds, PUT (with --replace) replaces the graphs.
     */
    static Outcome sendPrivate(URI privateImport, Optional<String> authorization, Map<String, Graph> graphs, boolean replace) {
        DatasetGraph body = DatasetGraphFactory.create();
        graphs.forEach((iri, content) -> body.addGraph(NodeFactory.createURI(iri), content));
        StringWriter trig = new StringWriter();
        RDFDataMgr.write(trig, body, Lang.TRIG);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(trig.toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(privateImport)
                .header("Content-Type", "application/trig; charset=utf-8")
                .timeout(Duration.ofMinutes(10))
                .method(replace ? "PUT" : "POST", publisher);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return exchange(builder.build(), privateImport);
    }

    private static Outcome exchange(HttpRequest http, URI updateEndpoint) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(http, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return new Outcome(status / 100 == 2, status, response.body().strip());
        } catch (java.io.IOException e) {
            return new Outcome(false, 0, "cannot reach " + updateEndpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, 0, "interrupted");
        }
    }
}
