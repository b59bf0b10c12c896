package org.labourgraph.web.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.render.Page;
import org.labourgraph.render.Site;
import org.labourgraph.render.Ui;
import org.labourgraph.sparql.AlphabeticalIndex;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.Search;
import org.labourgraph.sparql.SearchService;
import org.labourgraph.store.ChangeMarker;

/**
 * What every page handler shares: the settings, where the data is read, the IRI mapping; a fresh query counter per
 * request. The data is the embedded dataset or an external SPARQL service: the handlers see only {@link #runner()},
 * so every page reads both the same way.
 */
public final class SiteContext {
    public final ServerSettings settings;
    public final Site site;
    /** The A–Z index of this context's data, kept until the data changes. */
    public final AlphabeticalIndex alphabeticalIndex = new AlphabeticalIndex();
    /** The embedded dataset; empty over an external store (nothing there is kept across requests: no commits to watch). */
    public final Optional<DatasetGraph> embedded;
    private final Supplier<QueryRunner> runners;
    private final Function<QueryRunner, Search> search;

    public SiteContext(ServerSettings settings, DatasetGraph dataset) {
        this(settings, dataset, new Site(settings.baseIri()));
    }

    public SiteContext(ServerSettings settings, DatasetGraph dataset, Site site) {
        this(settings, site, Optional.of(dataset), () -> new QueryRunner(dataset, settings.queryTimeout()), SearchService::new);
    }

    private SiteContext(ServerSettings settings, Site site, Optional<DatasetGraph> embedded, Supplier<QueryRunner> runners,
                        Function<QueryRunner, Search> search) {
        this.settings = settings;
        this.site = site;
        this.embedded = embedded;
        this.runners = runners;
        this.search = search;
    }

    /** Over an external SPARQL service: its queries, and the search that service can run. */
    public static SiteContext remote(ServerSettings settings, RemoteSparqlService service, Search search) {
        return new SiteContext(settings, new Site(settings.baseIri()), Optional.empty(), () -> QueryRunner.remote(service),
                runner -> search);
    }

    /** The data's version for what is kept until the data changes; null when its commits cannot be watched. */
    public String dataVersion() {
        if (embedded.isEmpty()) {
            return null;
        }
        ChangeMarker marker = ChangeMarker.of(embedded.get());
        return marker.watchesCommits() ? marker.version() : null;
    }

    public QueryRunner runner() {
        return runners.get();
    }

    /** The search a page runs, counted on its runner where the search runs through it (the embedded text index). */
    public Search search(QueryRunner runner) {
        return search.apply(runner);
    }

    /** The layout's data for a page; {@code path} is the page's own path (the canonical link, without query). */
    public Page page(HttpServletRequest req, String lang, String title, String path, List<Page.Alternate> alternates, String jsonLd) {
        String q = req.getParameter("q");
        return new Page(title, Ui.of(lang), site, origin(req) + path, alternates, jsonLd, switchHref(req, lang),
                q == null ? "" : q);
    }

    /** scheme://host:port of the request: the server's own address as the client reached it. */
    public static String origin(HttpServletRequest req) {
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
