package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.labourgraph.model.SearchHit;
import org.labourgraph.model.TreeNode;
import org.labourgraph.render.ConceptMaps;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.SearchResult;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.Catalogue;
import org.labourgraph.sparql.IndexLetters;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.SearchRequest;
import org.labourgraph.sparql.SearchUnavailableException;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.SchemaOrgJson;
import org.labourgraph.web.site.SiteContext;

/** The pages over the whole graph: home, hierarchy, A–Z index, concept map, search results, SPARQL editor. */
final class BrowseServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SiteContext ctx;
    private final transient ExampleQueries examples;
    /** Labels on one page of one letter of the A–Z index. */
    static final int INDEX_PAGE_SIZE = 200;

    BrowseServlet(SiteContext ctx) {
        this.ctx = ctx;
        this.examples = new ExampleQueries(ctx.settings.projectRoot().resolve("queries"));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = Language.choose(req, resp);
        Ui ui = Ui.of(lang);
        QueryRunner runner = ctx.runner();
        Map<String, Object> params = new HashMap<>();
        String path = req.getServletPath();
        String template;
        String title;
        // Which page, by the route table (RouteTable) that mapped this servlet on these paths.
        if (path.isEmpty() || RouteTable.HOME.matches(path)) {
            Catalogue c = new Catalogue(runner);
            List<TreeNode> roots = c.hierarchy(lang);
            params.put("tiers", roots.stream().flatMap(r -> r.children().stream()).filter(t -> t.tier() > 0)
                    .sorted(java.util.Comparator.comparingInt(TreeNode::tier)).toList());
            params.put("counts", c.counts());
            template = "home.jte";
            title = ui.t("home.title");
        } else if (RouteTable.HIERARCHY.matches(path)) {
            String branch = req.getParameter("branch");
            Optional<TreeNode> node = branch == null || !branch.matches("https?://\\S+") ? Optional.empty()
                    : new Catalogue(runner).branch(branch, lang);
            if (branch != null && node.isEmpty()) {
                ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
                return;
            }
            params.put("roots", node.map(List::of).orElseGet(() -> new Catalogue(runner).hierarchy(lang)));
            params.put("branch", node.isPresent());
            template = "hierarchy.jte";
            title = ui.t("nav.hierarchy");
        } else if (RouteTable.MAP.matches(path)) {
            params.put("map", ConceptMaps.scheme(new Catalogue(runner).hierarchy(lang), ui));
            template = "scheme-map.jte";
            title = ui.t("nav.map");
        } else if (RouteTable.INDEX.matches(path)) {
            String letter = Optional.ofNullable(req.getParameter("letter")).map(l -> l.toUpperCase(Locale.ROOT))
                    .filter(IndexLetters.ALL::contains).orElse("A");
            params.put("letters", IndexLetters.ALL);
            params.put("index", ctx.alphabeticalIndex.page(runner, ctx.dataVersion(), lang, letter, pageNumber(req),
                    INDEX_PAGE_SIZE));
            template = "index.jte";
            title = ui.t("nav.index");
        } else if (RouteTable.SEARCH.matches(path)) {
            search(req, runner, params, lang);
            template = "search.jte";
            title = ui.t("nav.search");
        } else if (RouteTable.QUERY_EDITOR.matches(path)) {
            params.put("examples", examples.all(lang));
            String q = req.getParameter("query");
            params.put("initialQuery", q == null ? "" : q);
            template = "query.jte";
            title = ui.t("nav.sparql");
        } else {
            ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
            return;
        }
        String pagePath = path.isEmpty() ? "/" : path;
        Page page = ctx.page(req, lang, title, pagePath, List.of(),
                SchemaOrgJson.forPage(pagePath.equals("/") ? "WebSite" : "WebPage", title, SiteContext.origin(req) + pagePath));
        params.put("page", page);
        String html = Pages.render(template, params);
        Responses.html(req, resp, html, runner.count());
    }

    /** The ?page= of a paged view: a whole number from 1 (anything else is page 1). */
    private static int pageNumber(HttpServletRequest req) {
        String p = req.getParameter("page");
        if (p == null || !p.matches("[1-9][0-9]{0,6}")) {
            return 1;
        }
        return Integer.parseInt(p);
    }

    private void search(HttpServletRequest req, QueryRunner runner, Map<String, Object> params, String lang) {
        String q = Optional.ofNullable(req.getParameter("q")).orElse("");
        String in = Optional.ofNullable(req.getParameter("in")).filter(s -> s.equals("fr") || s.equals("en")).orElse("any");
        params.put("q", q);
        params.put("in", in);
        params.put("results", List.of());
        params.put("error", "");
        if (q.isBlank()) {
            return;
        }
        try {
            SearchRequest request = SearchRequest.of(q, in, "20");
            List<SearchHit> hits = ctx.search(runner).search(request, Optional.of(lang));
            params.put("results", hits.stream().map(h -> SearchResult.of(h, q)).toList());
        } catch (IllegalArgumentException | SearchUnavailableException e) {
            params.put("error", e.getMessage());
        }
    }
}
