package org.labourgraph.web.history;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.Reverts;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.model.ChangeLine;
import org.labourgraph.model.ResourceHistory;
import org.labourgraph.model.RevisionEntry;
import org.labourgraph.model.Text;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.Describer;
import org.labourgraph.sparql.Description;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.TermLabels;
import org.labourgraph.validate.ChangeShapes;
import org.labourgraph.web.browse.DocumentServlet;
import org.labourgraph.web.browse.ResourcePages;
import org.labourgraph.web.curation.ChangeAttributionFilter;
import org.labourgraph.web.curation.ChangeRefusedException;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SchemaOrgJson;
import org.labourgraph.web.site.SiteContext;

/**
 * The History tab of every resource, {@code /history/<kind>/<name>}: its revisions, newest first, each with date,
 * curator (display name only), message, +/− counts, the statements about the resource it added and removed, and a
 * link to the resource as it stood then ({@code /doc/…?rev=N}). JSON with {@code Accept: application/json} or
 * {@code ?format=json}. {@code POST /history/revert?rev=N} (curators) takes a revision back as a new change.
 */
final class HistoryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SiteContext ctx;
    private final transient RevisionLog log;
    /** How a revision is taken back: in the embedded store, or in the external store that keeps the history. */
    private final transient Revert revert;
    private final transient CuratorNames names;

    /** Takes revision {@code number} back as a new change by {@code author}; empty when nothing was left to undo. */
    @FunctionalInterface
    interface Revert {
        Optional<Revision> apply(long number, String author);
    }

    HistoryServlet(SiteContext ctx, RecordingDataset store) {
        this(ctx, store.log(), (number, author) -> Reverts.revert(store, number, author, Attribution.Channel.RESOURCE));
    }

    /** External mode: reverts are made in the store and recorded in its history ({@code log}), as any write there. */
    HistoryServlet(SiteContext ctx, StoreChangeLog log, RemoteSparqlService remote) {
        this(ctx, log, (number, author) -> Reverts.revert(log, remote::selectStored, number, author, Attribution.Channel.RESOURCE));
    }

    private HistoryServlet(SiteContext ctx, RevisionLog log, Revert revert) {
        this.ctx = ctx;
        this.log = log;
        this.revert = revert;
        this.names = CuratorNames.beside(ctx.settings.passwordFile());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String lang = Language.choose(req, resp);
        if (path.length() < 2 || path.equals("/revert")) {
            ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
            return;
        }
        String iri = ctx.settings.baseIri() + "id" + path;
        String docPath = "/doc" + path;
        List<Revision> revisions = log.about(iri);
        QueryRunner runner = ctx.runner();
        Ui ui = Ui.of(lang);
        String title;
        Map<String, Text> labels;
        if (revisions.isEmpty()) {
            Description d = new Describer(runner, ctx.settings.baseIri()).describe(iri, lang, Describer.IncomingPage.FIRST);
            if (d.isEmpty()) {
                ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
                return;
            }
            title = d.view().label().value();
            labels = Map.of();
        } else {
            // One query labels the resource, every property and every linked value its changes show.
            Set<String> iris = new LinkedHashSet<>(List.of(iri));
            for (Revision r : revisions) {
                for (Quad q : concat(r.deletedAbout(iri), r.addedAbout(iri))) {
                    iris.add(q.getPredicate().getURI());
                    if (q.getObject().isURI()) {
                        iris.add(q.getObject().getURI());
                    }
                }
            }
            labels = TermLabels.of(runner, iris, lang);
            title = labels.get(iri).value();
        }
        List<RevisionEntry> entries = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            entries.add(entry(revisions.get(i), iri, docPath, ui, labels));
        }
        ResourceHistory history = new ResourceHistory(iri, title, docPath, entries);
        String accept = req.getHeader("Accept");
        resp.setHeader("Vary", "Accept, Accept-Language, Cookie");
        if ("json".equals(req.getParameter("format")) || (accept != null && accept.contains("application/json"))) {
            JsonResponses.send(resp, 200, json(history));
            return;
        }
        resp.setHeader("Link", "<" + docPath + ">; rel=\"original latest-version\"");
        Page page = ctx.page(req, lang, ui.t("history.title", title), "/history" + path, List.of(),
                SchemaOrgJson.forPage("WebPage", ui.t("history.title", title), SiteContext.origin(req) + "/history" + path));
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("history", history);
        Responses.html(req, resp, Pages.render("history.jte", params), runner.count());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (!path.equals("/revert") || ctx.settings.passwordFile().isEmpty()) {
            JsonResponses.error(resp, 404, "Only POST /history/revert?rev=N (curators, server started with --passwd) is accepted here.");
            return;
        }
        long number;
        try {
            number = Long.parseLong(req.getParameter("rev") == null ? "" : req.getParameter("rev"));
        } catch (NumberFormatException e) {
            JsonResponses.error(resp, 400, "Give the revision to revert as ?rev=N (a number; see a resource's History tab).");
            return;
        }
        Optional<Revision> made;
        try {
            made = revert.apply(number, ChangeAttributionFilter.author(req));
        } catch (IllegalArgumentException e) {
            JsonResponses.error(resp, 404, e.getMessage());
            return;
        } catch (ChangeRefusedException | ChangeShapes.Refused | UpdateDeltas.NotRecordable e) {
            JsonResponses.error(resp, 400, e.getMessage());
            return;
        } catch (StoreChangeLog.Contended e) { // external mode: other front-ends took the next number every time
            resp.setHeader("Retry-After", "1");
            JsonResponses.error(resp, 503, e.getMessage());
            return;
        } catch (QueryExceptionHTTP | HttpException e) {
            JsonResponses.error(resp, 502, "The external SPARQL service did not take the revert (nothing was recorded): "
                    + e.getMessage());
            return;
        }
        JsonObject out = new JsonObject();
        out.put("reverted", number);
        out.put("changed", made.isPresent());
        made.ifPresent(r -> out.put("revision", r.number()));
        JsonResponses.send(resp, 200, out);
    }

    private RevisionEntry entry(Revision r, String iri, String docPath, Ui ui, Map<String, Text> labels) {
        List<ChangeLine> lines = new ArrayList<>();
        r.deletedAbout(iri).forEach(q -> lines.add(line(false, q, labels)));
        r.addedAbout(iri).forEach(q -> lines.add(line(true, q, labels)));
        return new RevisionEntry(r.number(), r.time().toString(), names.display(r.author(), ui.t("history.curator")), r.message(),
                r.added().size(), r.deleted().size(), lines, docPath + "?rev=" + r.number());
    }

    private static List<Quad> concat(List<Quad> a, List<Quad> b) {
        List<Quad> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ChangeLine line(boolean added, Quad q, Map<String, Text> labels) {
        String predicate = q.getPredicate().getURI();
        String property = DocumentServlet.PREFIXES.shortForm(predicate);
        String propertyLabel = labels.containsKey(predicate) ? labels.get(predicate).value() : null;
        Node o = q.getObject();
        if (o.isLiteral()) {
            return new ChangeLine(added, property, o.getLiteralLexicalForm(), o.getLiteralLanguage(), null, propertyLabel, null);
        }
        if (o.isURI()) {
            String valueLabel = labels.containsKey(o.getURI()) ? labels.get(o.getURI()).value() : null;
            return new ChangeLine(added, property, DocumentServlet.PREFIXES.shortForm(o.getURI()), "", ctx.site.href(o.getURI()),
                    propertyLabel, valueLabel);
        }
        return new ChangeLine(added, property, NodeFmtLib.strNT(o), "", null, propertyLabel, null);
    }

    private static JsonObject json(ResourceHistory h) {
        JsonObject out = new JsonObject();
        out.put("resource", h.iri());
        out.put("document", h.docPath());
        JsonArray revisions = new JsonArray();
        for (RevisionEntry r : h.revisions()) {
            JsonObject o = new JsonObject();
            o.put("revision", r.number());
            o.put("time", r.date());
            o.put("curator", r.curator());
            o.put("message", r.message());
            o.put("added", r.added());
            o.put("deleted", r.deleted());
            o.put("asOf", r.asOfHref());
            JsonArray changes = new JsonArray();
            for (ChangeLine c : r.changes()) {
                JsonObject l = new JsonObject();
                l.put("change", c.added() ? "+" : "-");
                l.put("property", c.property());
                l.put("value", c.value());
                if (c.propertyLabel() != null) {
                    l.put("propertyLabel", c.propertyLabel());
                }
                if (c.valueLabel() != null) {
                    l.put("valueLabel", c.valueLabel());
                }
                if (!c.lang().isEmpty()) {
                    l.put("lang", c.lang());
                }
                changes.add(l);
            }
            o.put("changes", changes);
            revisions.add(o);
        }
        out.put("revisions", revisions);
        return out;
    }
}
