package org.labourgraph.web.curation;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.render.Site;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.browse.DocumentServlet;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.Routes;
import org.labourgraph.web.site.SiteContext;

/**
 * The curators' area, {@code /curator/…}, present only when the server has accounts ({@code --passwd}) and
 * behind the same authentication as writes (roles curator and admin, every method): {@code /curator/sparql}
 * (SPARQL over the public and the private data together), {@code /curator/doc/…} (resource pages including
 * private notes), {@code /curator/private} (importing private notes). The public paths never read the
 * private store; these never serve anyone unauthenticated.
 */
public final class CuratorModule implements FusekiModule {

    private final ServerSettings settings;
    private final LabourStore store;

    public CuratorModule(ServerSettings settings, LabourStore store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public String name() {
        return "labourgraph-curators";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        DatasetGraph view = store.curatorView();
        view.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        SiteContext ctx = new SiteContext(settings, view, Site.forCurators(settings.baseIri()));
        builder.add(Routes.CURATOR, DataService.newBuilder(view).addEndpoint(Operation.Query, "sparql").build()); // RouteTable.CURATOR_AREA
        RouteTable.CURATOR_DOCUMENTS.register(builder, new DocumentServlet(ctx));
        RouteTable.PRIVATE_IMPORT.register(builder, new PrivateImportServlet(store));
    }
}
