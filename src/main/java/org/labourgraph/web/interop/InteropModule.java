package org.labourgraph.web.interop;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.reconcile.ReconcileService;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.WarmUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of the site other sites and programs use: dumps, the JSON-LD context, the dataset description
 * (VoID, DCAT), the sitemap and robots.txt, the reconciliation service,
 * Triple Pattern Fragments. CORS comes from the server's CORS filter, which covers every path.
 */
public final class InteropModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(InteropModule.class);

    private final ServerSettings settings;
    private final DatasetGraph dataset;
    private final DescriptionCache description;

    public InteropModule(ServerSettings settings, DatasetGraph dataset) {
        this.settings = settings;
        this.dataset = dataset;
        this.description = new DescriptionCache(dataset);
    }

    @Override
    public String name() {
        return "labourgraph-interop";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        String datasetIri = settings.baseIri() + "dataset";
        DescriptionServlet describe = new DescriptionServlet(description, datasetIri);
        RouteTable.DUMPS.register(builder, new DumpServlet(dataset));
        RouteTable.JSONLD_CONTEXT.register(builder, new ContextServlet());
        RouteTable.DATASET_DESCRIPTION.register(builder, describe);
        RouteTable.SITEMAP.register(builder, new SitemapServlet(() -> new QueryRunner(dataset, settings.queryTimeout()), description,
                settings.baseIri(), datasetIri));
        RouteTable.ROBOTS.register(builder, new RobotsServlet());
        RouteTable.FRAGMENTS.register(builder, new FragmentsServlet(() -> new QueryRunner(dataset, settings.queryTimeout()), dataset));
        RouteTable.RECONCILE.register(builder, reconciliation(settings, ReconcileService.embedded(dataset, settings.queryTimeout())));
    }

    /** The reconciliation API over {@code service}: the same in both modes. */
    static ReconcileServlet reconciliation(ServerSettings settings, ReconcileService service) {
        return new ReconcileServlet(service, "labourgraph", settings.baseIri() + "id/", LG.NS);
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // The description is generated from the data at start, not on the first request — but once the server
        // answers, not before: on millions of triples its counts take longer than a query may (and than a start should),
        // and on 2 cores a warm-up running during the start slows the start.
        WarmUps.submit("Dataset description", () -> {
            var stats = description.current();
            LOG.info("Dataset description: {} triples, {} entities, {} classes, {} properties in {} public graphs",
                    stats.triples(), stats.entities(), stats.classes(), stats.properties(), stats.graphs().size());
        });
    }
}
