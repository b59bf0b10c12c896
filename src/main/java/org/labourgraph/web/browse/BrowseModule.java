package org.labourgraph.web.browse;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.web.site.Route;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.SecurityHeadersFilter;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.WarmUps;

/**
 * The browsing site as a Fuseki module: dereferenceable IRIs ({@code /id/…} → {@code /doc/…}), resource
 * pages, home, hierarchy, A–Z index, search, concept map, the SPARQL editor, the ontology page and
 * citation downloads, all beside the endpoint on the same port.
 */
public final class BrowseModule implements FusekiModule {
    private final SiteContext ctx;

    public BrowseModule(ServerSettings settings, DatasetGraph dataset) {
        this(new SiteContext(settings, dataset));
    }

    /** Over the data of {@code ctx}: the embedded dataset, or an external store ({@link SiteContext#remote}). */
    public BrowseModule(SiteContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "labourgraph-browse";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        BrowseServlet pages = new BrowseServlet(ctx);
        DocumentServlet documents = new DocumentServlet(ctx);
        OntologyServlet ontology = new OntologyServlet(ctx);
        builder.addFilter("/*", new SecurityHeadersFilter());
        // The cache sits before HomeFilter (which answers "/" itself) so that the home page is kept too. Over an
        // external store there is no cache: other front-ends write there, and no commit of theirs can be watched here.
        ctx.embedded.ifPresent(dataset -> builder.addFilter("/*", new RenderedCacheFilter(dataset,
                new RenderedCache(RenderedCache.DEFAULT_MAX_ENTRIES, RenderedCache.DEFAULT_MAX_BYTES))));
        builder.addFilter("/*", new HomeFilter(pages)); // RouteTable.HOME
        RouteTable.IDS.register(builder, documents);
        RouteTable.DOCUMENTS.register(builder, documents);
        for (Route r : new Route[] {RouteTable.HIERARCHY, RouteTable.INDEX, RouteTable.MAP, RouteTable.SEARCH, RouteTable.QUERY_EDITOR}) {
            r.register(builder, pages);
        }
        RouteTable.ONTOLOGY.register(builder, ontology);
        RouteTable.CITATIONS.register(builder, new CitationServlet(ctx));
        RouteTable.STATIC.register(builder, new StaticServlet());
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // Reading every label for the A–Z index takes seconds on a large graph: done once the server answers, so the
        // first visitor of the index does not wait for it and the start does not either (after a change, the first
        // request reads it again). Over an external store nothing is kept, so there is nothing to prepare.
        if (ctx.embedded.isEmpty()) {
            return;
        }
        for (String lang : new String[] {"en", "fr"}) {
            WarmUps.submit("A-Z index (" + lang + ")", () -> ctx.alphabeticalIndex.page(ctx.runner(), ctx.dataVersion(), lang, "A", 1, 1));
        }
    }
}
