package org.labourgraph.web.interop;

import java.time.Clock;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.reconcile.ReconcileService;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.Search;
import org.labourgraph.web.site.RouteTable;

/**
 * The interop parts that read through the one read path, registered over an external SPARQL service
 * (external-endpoint mode) on the same paths as {@link InteropModule} registers them over the embedded store.
 */
public final class RemoteInterop {
    private RemoteInterop() {}

    /** Registers the parts served over {@code runners}; {@code search} is the external store's search. */
    public static void register(FusekiServer.Builder builder, ServerSettings settings, Supplier<QueryRunner> runners,
                                Search search) {
        RouteTable.RECONCILE.register(builder, InteropModule.reconciliation(settings, new ReconcileService(runners, runner -> search)));
        String datasetIri = settings.baseIri() + "dataset";
        DescriptionCache description = DescriptionCache.remote(runners, Clock.systemUTC());
        RouteTable.DATASET_DESCRIPTION.register(builder, new DescriptionServlet(description, datasetIri));
        RouteTable.SITEMAP.register(builder, new SitemapServlet(runners, description, settings.baseIri(), datasetIri));
        RouteTable.FRAGMENTS.register(builder, new FragmentsServlet(runners, null));
        RouteTable.DUMPS.register(builder, DumpServlet.remote(runners));
    }
}
