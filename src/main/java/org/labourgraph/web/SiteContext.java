package org.labourgraph.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.render.Page;
import org.labourgraph.render.Site;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.AlphabeticalIndex;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.ChangeMarker;

/** What every page handler shares: the settings, the dataset, the IRI mapping; a fresh query counter per request. */
final class SiteContext {
    final ServerSettings settings;
    final DatasetGraph dataset;
    final Site site;
    /** The A–Z index of this context's dataset, kept until the data changes. */
    final AlphabeticalIndex alphabeticalIndex = new AlphabeticalIndex();

    SiteContext(ServerSettings settings, DatasetGraph dataset) {
        this(settings, dataset, new Site(settings.baseIri()));
    }

    SiteContext(ServerSettings settings, DatasetGraph dataset, Site site) {
        this.settings = settings;
        this.dataset = dataset;
        this.site = site;
    }

    /** The dataset's version for what is kept until the data changes; null when its commits cannot be watched. */
    String dataVersion() {
        ChangeMarker marker = ChangeMarker.of(dataset);
        return marker.watchesCommits() ? marker.version() : null;
    }

    QueryRunner runner() {
        return new QueryRunner(dataset, settings.queryTimeout());
    }

    /** The layout's data for a page; {@code path} is the page's own path (the canonical link, without query). */
    Page page(HttpServletRequest req, String lang, String title, String path, List<Page.Alternate> alternates, String jsonLd) {
        String q = req.getParameter("q");
        return new Page(title, Ui.of(lang), site, origin(req) + path, alternates, jsonLd, switchHref(req, lang),
                q == null ? "" : q);
    }

    /** scheme://host:port of the request: the server's own address as the client reached it. */
    static String origin(HttpServletRequest req) {
        int port = req.getServerPort();
        boolean dflt = (req.getScheme().equals("http") && port == 80) || (req.getScheme().equals("https") && port == 443);
        String host = req.getServerName().contains(":") ? "[" + req.getServerName() + "]" : req.getServerName();
        return req.getScheme() + "://" + host + (dflt ? "" : ":" + port);
    }

    /** The same page in the other language: its path and query with lang= replaced. */
    static String switchHref(HttpServletRequest req, String lang) {
        String other = Ui.of(lang).other();
        StringBuilder q = new StringBuilder();
        if (req.getQueryString() != null) {
            for (String part : req.getQueryString().split("&")) {
                if (!part.isEmpty() && !part.startsWith("lang=")) {
                    q.append(part).append('&');
                }
            }
        }
        q.append("lang=").append(other);
        return req.getRequestURI() + "?" + q;
    }
}
