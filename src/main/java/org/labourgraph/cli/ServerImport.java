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
import org.apache.jena.graph.Triple;
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
import org.labourgraph.vocab.LG;

/**
 * Sends an import to a running server as ONE SPARQL Update request (optional DROPs, then INSERT DATA in bounded
 * operations per graph, and one INSERT … WHERE {} per graph for its triples with blank nodes), built with Jena's update objects — never by
 * pasting text — so the server applies it in one transaction: all of it, or nothing.
 */
final class ServerImport {
    /** Triples per insert operation: a store may refuse a larger one (Virtuoso 7 near 1,400). */
    static final int TRIPLES_PER_OPERATION = 500;

    private ServerImport() {}

    record Outcome(boolean ok, int status, String message) {}

    static Outcome send(URI updateEndpoint, Optional<String> authorization, Map<String, Graph> graphs, boolean replace) {
        return send(updateEndpoint, authorization, graphs, replace, Optional.empty());
    }

    /**
     * As above; {@code entailments}, when given, replaces the entailment graph in the same request (for a store that
     * does not keep it itself: any SPARQL 1.1 update service).
     */
    static Outcome send(URI updateEndpoint, Optional<String> authorization, Map<String, Graph> graphs, boolean replace,
                        Optional<Graph> entailments) {
        return post(updateEndpoint, authorization, request(graphs, replace, entailments));
    }

    private static Outcome post(URI updateEndpoint, Optional<String> authorization, UpdateRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(updateEndpoint)
                .header("Content-Type", "application/sparql-update; charset=utf-8")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
        authorization.ifPresent(a -> builder.header("Authorization", a));
        return exchange(builder.build(), updateEndpoint);
    }

    private static UpdateRequest request(Map<String, Graph> graphs, boolean replace, Optional<Graph> entailments) {
        UpdateRequest request = new UpdateRequest();
        Map<String, Graph> all = new java.util.LinkedHashMap<>(graphs);
        entailments.ifPresent(e -> {
            request.add(new UpdateDrop(Target.create(NodeFactory.createURI(LG.ENTAILMENT_GRAPH)), true));
            all.put(LG.ENTAILMENT_GRAPH, e);
        });
        if (replace) {
            graphs.keySet().forEach(iri -> request.add(new UpdateDrop(Target.create(NodeFactory.createURI(iri)), true)));
        }
        // Graph by graph (Virtuoso 7 fails an operation that writes two graphs: SR002). Triples without a blank node:
        // INSERT DATA, a bounded number per operation (Virtuoso refuses one of about 1,400 triples: "generated SQL text
        // has exceeded 10000 lines"). A graph's triples with a blank node: one INSERT { … } WHERE {} template, which
        // stores that refuse blank nodes in INSERT DATA accept (Virtuoso: "not allowed in a constant clause"). SPARQL
        // Update scopes a blank node label to one operation, so an entailed triple about another graph's blank node
        // would name a new node: those few (types of anonymous nodes) are not sent.
        all.forEach((iri, content) -> {
            Node g = NodeFactory.createURI(iri);
            boolean isEntailments = iri.equals(LG.ENTAILMENT_GRAPH) && entailments.isPresent();
            UpdateModify withBlankNodes = template();
            QuadDataAcc ground = new QuadDataAcc();
            int inChunk = 0;
            for (Triple t : content.find().toList()) {
                if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                    if (!isEntailments) {
                        withBlankNodes.getInsertAcc().addQuad(new Quad(g, t));
                    }
                    continue;
                }
                ground.addQuad(new Quad(g, t));
                if (++inChunk == TRIPLES_PER_OPERATION) {
                    request.add(new UpdateDataInsert(ground));
                    ground = new QuadDataAcc();
                    inChunk = 0;
                }
            }
            if (inChunk > 0) {
                request.add(new UpdateDataInsert(ground));
            }
            if (!withBlankNodes.getInsertQuads().isEmpty()) {
                request.add(withBlankNodes);
            }
        });
        return request;
    }

    /** {@code INSERT { } WHERE { }}: one solution, so each blank node label of the template is one new node. */
    private static UpdateModify template() {
        UpdateModify insert = new UpdateModify();
        insert.setHasInsertClause(true);
        insert.setElement(new ElementGroup());
        return insert;
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
