package org.labourgraph.web.browse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.labourgraph.sparql.Describer;
import org.labourgraph.sparql.Description;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.vocab.Prefixes;
import org.labourgraph.web.site.Conneg;
import org.labourgraph.web.site.Language;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.Routes;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.Variant;

/**
 * Linked Data for every IRI under the base: {@code /id/…} (the thing) answers 303 See Other to
 * {@code /doc/…} (its document), which serves HTML or RDF by extension, {@code ?format=} or Accept, with
 * Vary, ETag (description + variant, + language for HTML), 304, Link headers to the alternates, 404 for a
 * resource the store does not describe and 406 for a type it cannot serve.
 */
public final class DocumentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SiteContext ctx;
    private final transient ResourcePages pages;

    public DocumentServlet(SiteContext ctx) {
        this.ctx = ctx;
        this.pages = new ResourcePages(ctx);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (req.getServletPath().equals(Routes.ID)) {
            String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
            resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
            resp.setHeader("Location", Routes.DOC + path + query);
            resp.setHeader("Vary", "Accept");
            return;
        }
        Optional<Variant> forced = Optional.empty();
        String slugPath = path;
        int dot = path.lastIndexOf('.');
        if (dot > path.lastIndexOf('/')) {
            Optional<Variant> byExt = Variant.byName(path.substring(dot + 1));
            if (byExt.isPresent()) {
                forced = byExt;
                slugPath = path.substring(0, dot);
            }
        }
        String format = req.getParameter("format");
        if (format != null) {
            forced = Variant.byName(format);
            if (forced.isEmpty()) {
                notAcceptable(resp);
                return;
            }
        }
        Optional<Variant> chosen = forced.isPresent() ? forced : Conneg.choose(req.getHeader("Accept"));
        resp.setHeader("Vary", "Accept");
        if (chosen.isEmpty()) {
            notAcceptable(resp);
            return;
        }
        Variant variant = chosen.get();
        String lang = Language.choose(req, resp);
        if (slugPath.length() < 2) {
            pages.notFound(req, resp, variant, lang);
            return;
        }
        String iri = ctx.settings.baseIri() + "id" + slugPath;
        QueryRunner runner = ctx.runner();
        Describer.IncomingPage page = incomingPage(req);
        Description d = new Describer(runner, ctx.settings.baseIri()).describe(iri, lang, page);
        resp.setHeader(Responses.QUERY_COUNT, Integer.toString(runner.count()));
        if (d.isEmpty()) {
            pages.notFound(req, resp, variant, lang);
            return;
        }
        // /doc/… for everyone, /curator/doc/… for curators (public and private data).
        String canonical = req.getServletPath() + slugPath;
        resp.setHeader("Link", linkHeader(canonical));
        String etag = Responses.etag(canonicalForm(d.graph()), variant.name(), variant.isRdf() ? "" : lang,
                page.property().orElse(""), page.after(), ResourcePages.VERSION);
        if (!variant.isRdf()) {
            resp.setHeader("Vary", "Accept, Accept-Language, Cookie");
        }
        if (Responses.notModified(req, resp, etag)) {
            return;
        }
        if (variant.isRdf()) {
            Responses.send(resp, 200, variant.mediaType, write(d.graph(), variant));
        } else {
            Responses.send(resp, 200, "text/html", pages.render(req, d, lang, canonical, alternates(canonical)));
        }
    }

    private static Describer.IncomingPage incomingPage(HttpServletRequest req) {
        String prop = req.getParameter("in");
        if (prop == null || !prop.matches("https?://\\S+")) {
            return Describer.IncomingPage.FIRST;
        }
        String after = req.getParameter("after");
        return new Describer.IncomingPage(Optional.of(prop), after == null ? "" : after);
    }

    static List<org.labourgraph.render.Page.Alternate> alternates(String docPath) {
        List<org.labourgraph.render.Page.Alternate> out = new ArrayList<>();
        for (Variant v : Variant.values()) {
            if (v.isRdf()) {
                out.add(new org.labourgraph.render.Page.Alternate(docPath + "." + v.extension, v.mediaType, v.displayName));
            }
        }
        return out;
    }

    static String linkHeader(String docPath) {
        List<String> links = new ArrayList<>();
        for (Variant v : Variant.values()) {
            links.add("<" + docPath + "." + v.extension + ">; rel=\"alternate\"; type=\"" + v.mediaType + "\"");
        }
        // The dataset this document belongs to, for clients that discover VoID by following links.
        links.add("</.well-known/void>; rel=\"http://rdfs.org/ns/void#inDataset\"");
        return String.join(", ", links);
    }

    static void notAcceptable(HttpServletResponse resp) throws IOException {
        StringBuilder b = new StringBuilder("406 Not Acceptable. This document is available as:\n");
        for (Variant v : Variant.values()) {
            b.append("  ").append(v.mediaType).append("  (.").append(v.extension).append(" or ?format=").append(v.extension).append(")\n");
        }
        Responses.send(resp, HttpServletResponse.SC_NOT_ACCEPTABLE, "text/plain", b.toString());
    }

    /** Sorted N-Triples: the description's content, independent of the order the rows came in. */
    public static String canonicalForm(Graph g) {
        TreeSet<String> lines = new TreeSet<>();
        g.find().forEachRemaining(t -> lines.add(NodeFmtLib.str(t)));
        return String.join("\n", lines);
    }

    /** The project's prefixes, declared by every RDF document. */
    public static final PrefixMapping PREFIXES = Prefixes.MAPPING;

    static String write(Graph g, Variant v) {
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(PREFIXES);
        g.find().forEachRemaining(out::add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RDFDataMgr.write(bytes, out, v.lang);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
