package org.labourgraph.web.history;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.PublicPatch;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.model.ChangeSummary;
import org.labourgraph.model.Text;
import org.labourgraph.model.Value;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.ResourceLabels;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SchemaOrgJson;
import org.labourgraph.web.site.SiteContext;

/**
 * Recent changes, in public: {@code /changes} (HTML, newest first, {@code ?before=N} for older ones), the same as an
 * Atom feed ({@code /changes.atom}), the list for programs as JSON ({@code /changes.json?since=N}: the revisions after
 * N, oldest first, a page at a time, with the URL of the next page) and each revision's public patch at
 * {@code /changes/N} ({@code application/rdf-patch}, see {@link PublicPatch}). Curators appear by display name only.
 */
final class ChangesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Revisions on one HTML page or in the Atom feed. */
    static final int PAGE = 50;
    /** Revisions in one page of the JSON list. */
    static final int JSON_PAGE = 100;
    /** Resources named per revision; the others are counted. */
    static final int RESOURCES_SHOWN = 10;

    private final transient SiteContext ctx;
    private final transient RevisionLog log;
    private final transient CuratorNames names;
    private final transient Node derivedGraph = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
    /** What each revision did in public (revisions never change once committed). */
    private final transient Map<Long, Touched> touched = new ConcurrentHashMap<>();

    /** The public side of a revision: its counts and the first resources it touched. */
    private record Touched(long added, long deleted, List<String> resources, int more) {}

    ChangesServlet(SiteContext ctx, RevisionLog log) {
        this.ctx = ctx;
        this.log = log;
        this.names = CuratorNames.beside(ctx.settings.passwordFile());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servletPath = req.getServletPath();
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (servletPath.equals("/changes.atom")) {
            atom(req, resp);
        } else if (servletPath.equals("/changes.json")) {
            json(req, resp);
        } else if (path.isEmpty() || path.equals("/")) {
            String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept");
            String format = req.getParameter("format") == null ? "" : req.getParameter("format");
            if (format.equals("json") || (format.isEmpty() && accept.startsWith("application/json"))) {
                json(req, resp);
            } else if (format.equals("atom") || (format.isEmpty() && accept.startsWith("application/atom+xml"))) {
                atom(req, resp);
            } else {
                html(req, resp);
            }
        } else {
            patch(path.substring(1), resp);
        }
    }

    private void patch(String number, HttpServletResponse resp) throws IOException {
        Optional<Revision> r = number.matches("[1-9][0-9]{0,17}") ? log.revision(Long.parseLong(number)) : Optional.empty();
        if (r.isEmpty()) {
            Responses.send(resp, 404, "text/plain", "There is no revision " + number + ": revisions are numbered 1 to "
                    + log.head() + ". The list is at /changes.json.\n");
            return;
        }
        // Read the entry whole before the response starts: one that is missing or unreadable is then the site's 500
        // page (the exception reaches ErrorPages), never a 200 whose patch stops half-way.
        Revision revision = r.get().loaded();
        resp.setStatus(200);
        resp.setContentType(PublicPatch.MEDIA_TYPE + ";charset=utf-8");
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setHeader("Link", "</changes.json>; rel=\"index\"");
        try (OutputStream out = new BufferedOutputStream(resp.getOutputStream(), 1 << 16)) {
            PublicPatch.write(revision, curator(revision, "en"), derivedGraph, out);
        }
    }

    private void html(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = Language.choose(req, resp);
        Ui ui = Ui.of(lang);
        long head = log.head();
        long before;
        try {
            before = req.getParameter("before") == null ? head + 1 : Long.parseLong(req.getParameter("before"));
        } catch (NumberFormatException e) {
            Responses.send(resp, 400, "text/plain", "?before= takes a revision number (the page then lists older ones), not '"
                    + req.getParameter("before") + "'.\n");
            return;
        }
        List<Revision> shown = newestBefore(before, PAGE);
        QueryRunner runner = ctx.runner();
        List<ChangeSummary> changes = summaries(shown, runner, lang);
        Page page = ctx.page(req, lang, ui.t("changes.title"), "/changes",
                List.of(new Page.Alternate("/changes.atom", "application/atom+xml", ui.t("changes.feed")),
                        new Page.Alternate("/changes.json", "application/json", "JSON")),
                SchemaOrgJson.forPage("WebPage", ui.t("changes.title"), SiteContext.origin(req) + "/changes"));
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("changes", changes);
        long oldest = shown.isEmpty() ? 1 : shown.get(shown.size() - 1).number();
        params.put("olderHref", oldest > 1 ? "/changes?before=" + oldest : null);
        Responses.html(req, resp, Pages.render("changes.jte", params), runner.count());
    }

    private void atom(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        QueryRunner runner = ctx.runner();
        List<ChangeSummary> changes = summaries(newestBefore(log.head() + 1, PAGE), runner, "en");
        resp.setStatus(200);
        resp.setContentType("application/atom+xml;charset=utf-8");
        resp.setHeader(Responses.QUERY_COUNT, Integer.toString(runner.count()));
        try (OutputStream out = resp.getOutputStream()) {
            AtomFeed.write(changes, SiteContext.origin(req), out);
        }
    }

    private void json(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long since;
        try {
            since = Long.parseLong(req.getParameter("since") == null ? "0" : req.getParameter("since"));
        } catch (NumberFormatException e) {
            JsonResponses.error(resp, 400, "?since= takes a revision number (0 for the whole list), not '" + req.getParameter("since") + "'.");
            return;
        }
        List<Revision> all = log.revisions();
        long head = all.size();
        if (since < 0 || since > head) {
            JsonResponses.error(resp, 404, "There is no revision " + since + ": the newest is " + head + ". Ask ?since=0 … " + head + ".");
            return;
        }
        List<Revision> page = all.subList((int) since, (int) Math.min(head, since + JSON_PAGE));
        JsonObject out = new JsonObject();
        out.put("head", head);
        out.put("since", since);
        JsonArray list = new JsonArray();
        for (Revision r : page) {
            Touched t = touched(r);
            JsonObject o = new JsonObject();
            o.put("revision", r.number());
            o.put("id", PublicPatch.id(r.number()));
            o.put("time", r.time().toString());
            o.put("curator", curator(r, "en"));
            o.put("message", r.message());
            o.put("added", t.added());
            o.put("deleted", t.deleted());
            JsonArray resources = new JsonArray();
            t.resources().forEach(resources::add);
            o.put("resources", resources);
            o.put("moreResources", t.more());
            o.put("patch", "/changes/" + r.number());
            list.add(o);
        }
        out.put("revisions", list);
        long last = since + page.size();
        if (last < head) {
            out.put("next", "/changes.json?since=" + last);
        }
        JsonResponses.send(resp, 200, out);
    }

    /** Up to {@code n} revisions numbered below {@code before}, newest first. */
    private List<Revision> newestBefore(long before, int n) {
        List<Revision> all = log.revisions();
        List<Revision> out = new ArrayList<>();
        for (long k = Math.min(before - 1, all.size()); k >= 1 && out.size() < n; k--) {
            out.add(all.get((int) k - 1));
        }
        return out;
    }

    /** The summaries of some revisions, the labels of every resource they name read in one query. */
    private List<ChangeSummary> summaries(List<Revision> revisions, QueryRunner runner, String lang) {
        Set<String> iris = new LinkedHashSet<>();
        revisions.forEach(r -> iris.addAll(touched(r).resources()));
        Map<String, Text> labels = ResourceLabels.of(runner, iris, lang);
        List<ChangeSummary> out = new ArrayList<>();
        for (Revision r : revisions) {
            Touched t = touched(r);
            List<Value> links = t.resources().stream().map(iri -> Value.link(hrefOf(iri), labels.get(iri), "")).toList();
            out.add(new ChangeSummary(r.number(), r.time().toString(), curator(r, lang), r.message(), t.added(), t.deleted(),
                    links, t.more(), "/changes/" + r.number()));
        }
        return out;
    }

    /** Where a resource's link goes: its page on this site, else the IRI itself. */
    private String hrefOf(String iri) {
        String doc = ctx.site.docPath(iri);
        return doc == null ? iri : doc;
    }

    private Touched touched(Revision r) {
        return touched.computeIfAbsent(r.number(), n -> {
            long[] counts = new long[2];
            Set<String> resources = new LinkedHashSet<>();
            for (int side = 0; side < 2; side++) {
                for (Quad q : side == 0 ? r.added() : r.deleted()) {
                    if (PublicPatch.isPublic(q, derivedGraph)) {
                        counts[side]++;
                        if (q.getSubject().isURI()) {
                            resources.add(q.getSubject().getURI());
                        }
                    }
                }
            }
            List<String> shown = resources.stream().limit(RESOURCES_SHOWN).toList();
            return new Touched(counts[0], counts[1], shown, resources.size() - shown.size());
        });
    }

    private String curator(Revision r, String lang) {
        return names.display(r.author(), Ui.of(lang).t("history.curator"));
    }
}
