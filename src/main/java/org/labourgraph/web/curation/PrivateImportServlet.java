package org.labourgraph.web.curation;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StoreException;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.RequestSizeLimitFilter;

/**
 * {@code /curator/private}: curators put private notes into the private store while the server runs.
 * POST adds to the named graphs, PUT replaces them. A TriG or N-Quads body names its graphs; a Turtle,
 * N-Triples, JSON-LD or RDF/XML body goes into the graph given as {@code ?graph=IRI}. The whole body is one
 * transaction in the private store (all or nothing); the public database never changes.
 *
 * <p>Only RDF media types are accepted: a browser form (urlencoded, multipart, text/plain) can never post
 * here on behalf of a curator whose browser holds the credentials.
 */
final class PrivateImportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient LabourStore store;

    PrivateImportServlet(LabourStore store) {
        this.store = store;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        importBody(req, resp, false);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        importBody(req, resp, true);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "POST, PUT");
        JsonResponses.error(resp, 405, "POST (add) or PUT (replace) RDF here to import private notes: a TriG or N-Quads"
                + " body, or Turtle, N-Triples, JSON-LD or RDF/XML with ?graph=IRI. Curators read private notes at"
                + " /curator/sparql and /curator/doc/...");
    }

    private void importBody(HttpServletRequest req, HttpServletResponse resp, boolean replace) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        Lang lang = RDFLanguages.contentTypeToLang(type);
        if (type.isEmpty() || lang == null || lang.equals(RDFLanguages.RDFNULL) || type.startsWith("text/plain")) {
            // Refused unread: UnreadBodyGuard marks the answer Connection: close.
            JsonResponses.error(resp, 415, "Unsupported media type '" + type + "': send RDF as application/trig,"
                    + " application/n-quads, text/turtle, application/n-triples, application/ld+json or application/rdf+xml.");
            return;
        }
        Map<String, Graph> graphs;
        try {
            graphs = RDFLanguages.isQuads(lang) ? datasetGraphs(req, lang) : singleGraph(req, lang);
        } catch (RdfSyntaxException e) {
            JsonResponses.error(resp, 400, e.getMessage() + ". Nothing was imported.");
            return;
        } catch (RequestSizeLimitFilter.BodyTooLargeException e) {
            JsonResponses.error(resp, 413, e.getMessage() + ": send the data in smaller parts. Nothing was imported.");
            return;
        } catch (IllegalArgumentException e) {
            JsonResponses.error(resp, 400, e.getMessage() + " Nothing was imported.");
            return;
        }
        if (graphs.isEmpty()) {
            JsonResponses.error(resp, 400, "The body holds no triples: nothing to import.");
            return;
        }
        LabourStore.ImportResult result;
        try {
            result = store.importPrivateGraphs(graphs, replace);
        } catch (StoreException e) {
            JsonResponses.error(resp, 400, e.getMessage());
            return;
        }
        JsonObject body = new JsonObject();
        body.put("graphs", result.graphs());
        body.put("triples", result.triples());
        body.put("entailed", result.entailed());
        body.put("replaced", replace);
        body.put("visibility", "private");
        JsonResponses.send(resp, 200, body);
    }

    private static Map<String, Graph> singleGraph(HttpServletRequest req, Lang lang) throws IOException, RdfSyntaxException {
        String graph = requireGraphName(Optional.ofNullable(req.getParameter("graph")).orElseThrow(() -> new IllegalArgumentException(
                "Name the private graph to import into: ?graph=IRI (or send TriG or N-Quads, which name their graphs).")));
        Graph content = SourceParser.parse(req.getInputStream(), "request body", lang);
        return content.isEmpty() ? Map.of() : Map.of(graph, content);
    }

    private static Map<String, Graph> datasetGraphs(HttpServletRequest req, Lang lang) throws IOException, RdfSyntaxException {
        DatasetGraph parsed = SourceParser.parseDataset(req.getInputStream(), "request body", lang);
        Map<String, Graph> graphs = new LinkedHashMap<>();
        if (!parsed.getDefaultGraph().isEmpty()) {
            String graph = requireGraphName(Optional.ofNullable(req.getParameter("graph")).orElseThrow(() -> new IllegalArgumentException(
                    "The body has triples outside any named graph: put them in a GRAPH block, or name their graph with ?graph=IRI.")));
            graphs.put(graph, copy(parsed.getDefaultGraph()));
        }
        parsed.listGraphNodes().forEachRemaining((Node g) -> {
            Graph content = parsed.getGraph(g);
            if (!content.isEmpty()) {
                graphs.put(requireGraphName(g.getURI()), copy(content));
            }
        });
        return graphs;
    }

    private static String requireGraphName(String iri) {
        if (iri == null || !isAbsolute(iri) || iri.startsWith(LabourStore.ENTAILMENT_GRAPH) || iri.endsWith("/entailments")) {
            throw new IllegalArgumentException("'" + iri + "' cannot name a private graph: give an absolute IRI"
                    + " (for example https://w3id.org/labourgraph/graph/private/my-notes), not an entailment graph.");
        }
        return iri;
    }

    private static boolean isAbsolute(String iri) {
        try {
            return IRIx.create(iri).isAbsolute();
        } catch (IRIException e) {
            return false;
        }
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }
}
