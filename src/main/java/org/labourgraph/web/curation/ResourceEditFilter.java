package org.labourgraph.web.curation;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.Revision;
import org.labourgraph.render.Ui;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;
import org.labourgraph.sparql.Describer;
import org.labourgraph.sparql.Description;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.validate.Finding;
import org.labourgraph.web.browse.DocumentServlet;
import org.labourgraph.web.browse.ResourcePages;
import org.labourgraph.web.site.ErrorPages;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.RequestSizeLimitFilter;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.Variant;

/**
 * Resource-level editing on the document's own URL ({@code /doc/<kind>/<name>}): {@code PUT} replaces the resource's
 * statements with the body (Turtle, N-Triples or JSON-LD), {@code PATCH} applies an RDF Patch
 * ({@code application/rdf-patch}) or a SPARQL Update ({@code application/sparql-update}) limited to the resource.
 * Curators only (the security handler answers 401 first). One write transaction: {@code If-Match} is compared with
 * the document's current ETags inside it (412 when stale), the shapes run before commit (400 with the report as
 * JSON, or as text with {@code Accept: text/plain}), and the history records the change with its author and the
 * {@code X-Change-Message} header or {@code ?message=}. Other methods pass on to the document servlet.
 */
public final class ResourceEditFilter implements Filter {
    private final SiteContext ctx;
    private final RecordingDataset store;

    public ResourceEditFilter(SiteContext ctx, RecordingDataset store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String method = req.getMethod();
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!(method.equals("PUT") || method.equals("PATCH")) || !path.startsWith("/doc/")) {
            chain.doFilter(request, response);
            return;
        }
        if (ctx.settings.passwordFile().isEmpty()) {
            resp.setHeader("Allow", "GET, HEAD");
            Responses.send(resp, 405, "text/plain", "Editing is off on this server: start it with --passwd FILE (curator accounts)"
                    + " to edit resources with PUT and PATCH.\n");
            return;
        }
        String slug = path.substring("/doc".length());
        int dot = slug.lastIndexOf('.');
        if (dot > slug.lastIndexOf('/') && Variant.byName(slug.substring(dot + 1)).isPresent()) {
            slug = slug.substring(0, dot); // /doc/concept/x.ttl edits the same resource as /doc/concept/x
        }
        Node resource = NodeFactory.createURI(ctx.settings.baseIri() + "id" + slug);
        byte[] body;
        try {
            body = req.getInputStream().readAllBytes();
        } catch (RequestSizeLimitFilter.BodyTooLargeException e) {
            Responses.send(resp, 413, "text/plain", e.getMessage() + ": send a smaller description.\n");
            return;
        }
        String mediaType = req.getContentType() == null ? "" : req.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        Edit edit;
        try {
            edit = parse(method, mediaType, body, resource);
        } catch (ResourceEdits.BadEdit e) {
            refuse(req, resp, 400, e.getMessage(), null);
            return;
        } catch (UnsupportedType e) {
            Responses.send(resp, 415, "text/plain", e.getMessage() + "\n");
            return;
        }
        String message = ChangeAttributionFilter.message(req, req.getParameter("message") != null
                ? req.getParameter("message") : (method.equals("PUT") ? "Replaced the description of " : "Edited ") + slug.substring(1));
        Attribution who = new Attribution(ChangeAttributionFilter.author(req), message, Attribution.Channel.RESOURCE);
        String ifMatch = req.getHeader("If-Match");
        boolean[] created = new boolean[1];
        try {
            who.during(() -> {
                store.begin(ReadWrite.WRITE);
                try {
                    boolean existed = ResourceEdits.exists(store, resource);
                    if (ifMatch != null && !matches(ifMatch, existed, resource.getURI())) {
                        throw new Stale();
                    }
                    created[0] = !existed;
                    edit.apply(store, resource);
                    store.commit();
                } finally {
                    store.end();
                }
            });
        } catch (Stale e) {
            refuse(req, resp, 412, "The resource changed since the version you edited (If-Match names an ETag it no longer has)."
                    + " Fetch it again, redo the edit on the current version, and send it with the new ETag. Nothing was written.", null);
            return;
        } catch (ResourceEdits.BadEdit | QueryBuildException e) {
            refuse(req, resp, 400, e.getMessage(), null);
            return;
        } catch (ChangeRefusedException e) {
            refuse(req, resp, 400, e.getMessage(), e);
            return;
        }
        Optional<Revision> made = store.lastCommitted();
        JsonObject out = new JsonObject();
        out.put("changed", made.isPresent());
        made.ifPresent(r -> {
            out.put("revision", r.number());
            out.put("added", r.added().size());
            out.put("deleted", r.deleted().size());
        });
        out.put("document", "/doc" + slug);
        out.put("history", "/history" + slug);
        currentEtags(resource.getURI()).stream().findFirst().ifPresent(tag -> resp.setHeader("ETag", tag));
        JsonResponses.send(resp, created[0] && made.isPresent() ? 201 : 200, out);
    }

    /** The change a request asks for, parsed before any transaction. */
    private interface Edit {
        void apply(RecordingDataset store, Node resource);
    }

    private static Edit parse(String method, String mediaType, byte[] body, Node resource) {
        if (method.equals("PUT")) {
            Lang lang = switch (mediaType) {
                case "text/turtle" -> Lang.TURTLE;
                case "application/n-triples" -> Lang.NTRIPLES;
                case "application/ld+json" -> Lang.JSONLD;
                default -> throw new UnsupportedType("PUT takes the description as text/turtle, application/n-triples or"
                        + " application/ld+json (got '" + mediaType + "').");
            };
            Graph graph;
            try {
                graph = SourceParser.parse(new ByteArrayInputStream(body), "request body", lang);
            } catch (RdfSyntaxException e) {
                throw new ResourceEdits.BadEdit(e.getMessage() + ". Nothing was written.");
            }
            ResourceEdits.requireAbout(graph, resource);
            return (store, r) -> ResourceEdits.replace(store, r, graph);
        }
        return switch (mediaType) {
            case "application/rdf-patch", "text/rdf-patch" -> (store, r) -> ResourceEdits.applyPatch(store, r, body);
            case "application/sparql-update" -> {
                UpdateRequest update;
                try {
                    update = UpdateFactory.read(new ByteArrayInputStream(body), Syntax.syntaxARQ);
                } catch (QueryParseException e) {
                    throw new ResourceEdits.BadEdit("SPARQL Update syntax error at line " + e.getLine() + ", column " + e.getColumn()
                            + ": " + e.getMessage());
                }
                QueryPolicy.refusal(update).ifPresent(why -> {
                    throw new ResourceEdits.BadEdit(why);
                });
                yield (store, r) -> ResourceEdits.applyUpdate(store, r, update);
            }
            default -> throw new UnsupportedType("PATCH takes application/rdf-patch or application/sparql-update (got '"
                    + mediaType + "').");
        };
    }

    /** If-Match against the ETags the document has now, in every variant and language ({@code *}: it exists). */
    private boolean matches(String ifMatch, boolean exists, String iri) {
        Set<String> current = null;
        for (String t : ifMatch.split(",")) {
            String tag = t.strip();
            if (tag.equals("*")) {
                if (exists) {
                    return true;
                }
                continue;
            }
            if (current == null) {
                current = currentEtags(iri);
            }
            if (current.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ETags the document servlet sends for this resource now (the Turtle one first). One description serves every
     * language: the statements it holds do not depend on the page's language, only the HTML variants' tags do.
     */
    private Set<String> currentEtags(String iri) {
        Set<String> tags = new LinkedHashSet<>();
        Description d = new Describer(ctx.runner(), ctx.settings.baseIri()).describe(iri, Ui.FR, Describer.IncomingPage.FIRST);
        if (d.isEmpty()) {
            return tags;
        }
        String content = DocumentServlet.canonicalForm(d.graph());
        tags.add(Responses.etag(content, Variant.TURTLE.name(), "", "", "", ResourcePages.VERSION));
        for (String lang : new String[] {Ui.FR, Ui.EN}) {
            for (Variant v : Variant.values()) {
                tags.add(Responses.etag(content, v.name(), v.isRdf() ? "" : lang, "", "", ResourcePages.VERSION));
            }
        }
        return tags;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String text, ChangeRefusedException shapes)
            throws IOException {
        String accept = req.getHeader("Accept");
        if (ErrorPages.wantsHtml(accept) || accept != null && accept.contains("text/plain") && !accept.contains("json")) {
            Responses.send(resp, status, "text/plain", text.endsWith("\n") ? text : text + "\n");
            return;
        }
        JsonObject error = new JsonObject();
        error.put("status", status);
        error.put("message", text);
        if (shapes != null) {
            error.put("conforms", false);
            JsonArray results = new JsonArray();
            for (Finding f : shapes.findings()) {
                JsonObject r = new JsonObject();
                r.put("focus", f.focus() == null ? "" : f.focus());
                r.put("path", f.path() == null ? "" : f.path());
                r.put("message", f.message());
                results.add(r);
            }
            error.put("results", results);
        }
        JsonObject out = new JsonObject();
        out.put("error", error);
        JsonResponses.send(resp, status, out);
    }

    private static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final class UnsupportedType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedType(String message) {
            super(message);
        }
    }
}
