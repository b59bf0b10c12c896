package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.labourgraph.model.ResourceKind;
import org.labourgraph.model.ResourceView;
import org.labourgraph.render.CitationFields;
import org.labourgraph.render.Citations;
import org.labourgraph.render.ConceptMaps;
import org.labourgraph.render.Page;
import org.labourgraph.render.Pages;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.Description;
import org.labourgraph.sparql.QueryTexts;
import org.labourgraph.web.site.ErrorPages;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.SchemaOrgJson;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.Variant;

/** The HTML of resource documents (and of their 404s): a description in, a page out. */
public final class ResourcePages {
    /** Part of every page ETag: a new release re-renders pages even when the data did not change. */
    public static final String VERSION = "browse-2";

    private final SiteContext ctx;

    ResourcePages(SiteContext ctx) {
        this.ctx = ctx;
    }

    String render(HttpServletRequest req, Description d, String lang, String docPath, List<Page.Alternate> alternates) {
        ResourceView view = d.view();
        Ui ui = Ui.of(lang);
        String url = SiteContext.origin(req) + docPath;
        Page page = ctx.page(req, lang, view.label().value(), docPath, alternates, SchemaOrgJson.forDescription(d, url));
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("view", view);
        params.put("docPath", docPath);
        params.put("asOf", req.getAttribute(RevisionViewFilter.AS_OF)); // set on /doc/…?rev=N pages
        CitationFields fields = Citations.fields(view, d.creators(), url);
        if (fields != null) {
            params.put("cite", Citations.of(fields));
        }
        if (view.kind() == ResourceKind.CONCEPT) {
            params.put("map", ConceptMaps.neighbourhood(view, ui));
            params.put("queryThis", QueryTexts.aboutConcept(view.iri()));
        }
        return Pages.render("resource.jte", params);
    }

    /** 404 in the representation asked for: an HTML page, or an empty RDF document. */
    void notFound(HttpServletRequest req, HttpServletResponse resp, Variant variant, String lang) throws IOException {
        if (variant.isRdf()) {
            String body = variant == Variant.JSONLD ? "{}\n" : variant == Variant.RDFXML
                    ? "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>\n"
                    : "# Not found: the store describes no resource with this IRI.\n";
            Responses.send(resp, HttpServletResponse.SC_NOT_FOUND, variant.mediaType, body);
            return;
        }
        errorPage(ctx, req, resp, lang, HttpServletResponse.SC_NOT_FOUND, "error.notFound");
    }

    public static void errorPage(SiteContext ctx, HttpServletRequest req, HttpServletResponse resp, String lang, int status, String messageKey)
            throws IOException {
        String detail = messageKey.equals("error.notFound") ? null : Ui.of(lang).t(messageKey);
        Responses.send(resp, status, "text/html", ErrorPages.html(ctx.site, lang, status, detail, SiteContext.origin(req),
                req.getRequestURI(), req.getQueryString()));
    }
}
