package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import org.labourgraph.render.CitationFields;
import org.labourgraph.render.CitationSet;
import org.labourgraph.render.Citations;
import org.labourgraph.sparql.Describer;
import org.labourgraph.sparql.Description;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SiteContext;

/** Citation downloads of a work or note: {@code /cite/<kind>/<slug>.bib | .ris | .json} (BibTeX, RIS, CSL-JSON). */
final class CitationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SiteContext ctx;

    CitationServlet(SiteContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        int dot = path.lastIndexOf('.');
        String lang = Language.choose(req, resp);
        if (dot <= 1) {
            ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
            return;
        }
        String ext = path.substring(dot + 1);
        String slugPath = path.substring(0, dot);
        QueryRunner runner = ctx.runner();
        Description d = new Describer(runner, ctx.settings.baseIri()).describe(ctx.settings.baseIri() + "id" + slugPath, lang,
                Describer.IncomingPage.FIRST);
        resp.setHeader(Responses.QUERY_COUNT, Integer.toString(runner.count()));
        CitationFields fields = d.isEmpty() ? null
                : Citations.fields(d.view(), d.creators(), SiteContext.origin(req) + "/doc" + slugPath);
        if (fields == null) {
            ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
            return;
        }
        CitationSet cite = Citations.of(fields);
        String name = fields.id().replaceAll("[^A-Za-z0-9_-]", "_");
        switch (ext) {
            case "bib" -> download(resp, "application/x-bibtex", name + ".bib", cite.bibtex());
            case "ris" -> download(resp, "application/x-research-info-systems", name + ".ris", cite.ris());
            case "json" -> download(resp, "application/vnd.citationstyles.csl+json", name + ".json", cite.cslJson());
            default -> ResourcePages.errorPage(ctx, req, resp, lang, 404, "error.notFound");
        }
    }

    private static void download(HttpServletResponse resp, String type, String filename, String body) throws IOException {
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        Responses.send(resp, 200, type, body);
    }
}
