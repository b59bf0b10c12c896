package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.OntologyReader;
import org.labourgraph.sparql.OntologyVersions;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.web.site.Conneg;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.Routes;
import org.labourgraph.web.site.SchemaOrgJson;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.Variant;

/**
 * The ontology at its namespace path ({@code /ontology}): a documentation page of every class, property
 * and individual, or the ontology's RDF by the same negotiation as resource documents. Each released version at its
 * version IRI's path ({@code /ontology/0.1.0}, {@link OntologyVersions}), the same way, from its frozen text.
 */
final class OntologyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> KINDS = List.of("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty", "NamedIndividual");
    private final transient SiteContext ctx;
    private final transient OntologyVersions versions;

    OntologyServlet(SiteContext ctx) {
        this.ctx = ctx;
        this.versions = OntologyVersions.discover(ctx.settings.projectRoot());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        // "/ontology", "/ontology.ttl", "/ontology/0.1.0", "/ontology/0.1.0.ttl": the document, then an optional extension.
        String document = Routes.ONTOLOGY;
        Optional<Variant> forced = Optional.empty();
        String version = null;
        if (path.startsWith(Routes.ONTOLOGY + "/")) {
            String rest = path.substring((Routes.ONTOLOGY + "/").length());
            version = rest;
            int dot = rest.lastIndexOf('.');
            if (dot > 0 && Variant.byName(rest.substring(dot + 1)).isPresent() && versions.has(rest.substring(0, dot))) {
                version = rest.substring(0, dot);
                forced = Variant.byName(rest.substring(dot + 1));
            }
            document = Routes.ONTOLOGY + "/" + version;
            if (!versions.has(version)) {
                ResourcePages.errorPage(ctx, req, resp, Language.choose(req, resp), 404, "error.notFound");
                return;
            }
        } else if (!path.equals(Routes.ONTOLOGY)) {
            forced = path.startsWith(Routes.ONTOLOGY + ".") ? Variant.byName(path.substring((Routes.ONTOLOGY + ".").length())) : Optional.empty();
            if (forced.isEmpty()) {
                ResourcePages.errorPage(ctx, req, resp, Language.choose(req, resp), 404, "error.notFound");
                return;
            }
        }
        if (req.getParameter("format") != null) {
            forced = Variant.byName(req.getParameter("format"));
            if (forced.isEmpty()) {
                DocumentServlet.notAcceptable(resp);
                return;
            }
        }
        Optional<Variant> chosen = forced.isPresent() ? forced : Conneg.choose(req.getHeader("Accept"));
        resp.setHeader("Vary", "Accept");
        if (chosen.isEmpty()) {
            DocumentServlet.notAcceptable(resp);
            return;
        }
        Variant v = chosen.get();
        resp.setHeader("Link", DocumentServlet.linkHeader(document));
        QueryRunner runner = ctx.runner();
        if (v.isRdf()) {
            Graph g = version == null ? new OntologyReader(runner).graph() : versions.graph(version, runner).orElseThrow();
            resp.setHeader(Responses.QUERY_COUNT, Integer.toString(runner.count()));
            if (Responses.notModified(req, resp, Responses.etag(DocumentServlet.canonicalForm(g), v.name()))) {
                return;
            }
            Responses.send(resp, 200, v.mediaType, DocumentServlet.write(g, v));
            return;
        }
        String lang = Language.choose(req, resp);
        Map<String, Object> params = new HashMap<>();
        List<org.labourgraph.model.OntologyTerm> terms = version == null ? new OntologyReader(runner).terms(lang)
                : versions.terms(version, lang, runner).orElseThrow();
        params.put("version", version == null ? "" : version);
        params.put("versionIri", version == null ? "" : OntologyVersions.versionIri(version));
        params.put("terms", terms);
        params.put("classTree", org.labourgraph.render.OntologyTree.classes(terms));
        params.put("kinds", KINDS);
        String title = Ui.of(lang).t("ontology.title") + (version == null ? "" : " " + version);
        Page page = ctx.page(req, lang, title, document, DocumentServlet.alternates(document),
                SchemaOrgJson.forPage("DefinedTermSet", title, ctx.settings.baseIri() + document.substring(1)));
        params.put("page", page);
        Responses.html(req, resp, Pages.render("ontology.jte", params), runner.count());
    }
}
