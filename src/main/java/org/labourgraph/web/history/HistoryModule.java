package org.labourgraph.web.history;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.source.SourceSet;
import org.labourgraph.validate.ResourceShapes;
import org.labourgraph.web.browse.RevisionViewFilter;
import org.labourgraph.web.curation.ChangeAttributionFilter;
import org.labourgraph.web.curation.ResourceEditFilter;
import org.labourgraph.web.curation.ShapesCommitCheck;
import org.labourgraph.web.site.Route;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.SiteContext;
import org.labourgraph.web.site.StoreFailureFilter;
import org.labourgraph.web.site.WarmUps;

/**
 * Curation with history, for a dataset that records its changes ({@link RecordingDataset}): who made each change is
 * taken from the request, the shapes run before every curator's change commits, resources are edited with PUT and
 * PATCH on their documents, and the history is shown ({@code /history/<kind>/<name>}, {@code /doc/…?rev=N}) and
 * published ({@code /changes}: recent changes, Atom, JSON, each revision's public RDF Patch), with Memento
 * (RFC 7089) TimeGates on the documents and a TimeMap per resource ({@code /timemap/<kind>/<name>}).
 * Over any other dataset the module adds nothing.
 */
public final class HistoryModule implements FusekiModule {
    private final SiteContext ctx;
    private final Optional<RecordingDataset> recorded;

    public HistoryModule(ServerSettings settings, DatasetGraph dataset) {
        this.ctx = new SiteContext(settings, dataset);
        this.recorded = dataset instanceof RecordingDataset r ? Optional.of(r) : Optional.empty();
    }

    @Override
    public String name() {
        return "labourgraph-history";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        if (recorded.isEmpty()) {
            return;
        }
        RecordingDataset store = recorded.get();
        if (ctx.settings.passwordFile().isPresent()) {
            ResourceShapes.load(SourceSet.discover(ctx.settings.projectRoot()).shapes())
                    .ifPresent(shapes -> store.addPreCommit(new ShapesCommitCheck(shapes, ctx.settings.queryTimeout())));
        }
        MementoFilter memento = new MementoFilter(store.log(), ctx.settings.baseIri());
        // Every page's Memento links ask the log which revisions touched its resource: its index of revisions by
        // subject is built now, not by the first visitor (a bulk load's entry is streamed: tens of seconds at 5·10^6).
        WarmUps.submit("Index of the history by resource", () -> store.log().about(ctx.settings.baseIri()));
        builder.addFilter("/*", new ChangeAttributionFilter());
        RouteTable.DOCUMENTS.filter(builder, new ResourceEditFilter(ctx, store));
        RouteTable.DOCUMENTS.filter(builder, memento);
        RouteTable.IDS.filter(builder, memento);
        RouteTable.DOCUMENTS.filter(builder, new RevisionViewFilter(ctx, store));
        RouteTable.TIME_MAPS.register(builder, new TimeMapServlet(store.log(), ctx.settings.baseIri()));
        RouteTable.PROVENANCE_QUERY.register(builder, new ProvenanceQueryServlet(ctx, store.log()));
        RouteTable.HISTORY.register(builder, new HistoryServlet(ctx, store));
        RouteTable.CHANGES.register(builder, new ChangesServlet(ctx, store.log()));
    }

    /**
     * External mode, over the history the front-ends record in the store ({@code log}): the recent changes, their feeds
     * and patches, each resource's History tab, Memento (TimeGates on the documents, TimeMaps, {@code /doc/…?rev=N} read
     * from the store with the later revisions undone), the provenance query, and reverts, made and recorded in the
     * store as any write through a front-end. A module, so that its filters come after the browsing site's, as embedded.
     */
    public static FusekiModule external(SiteContext ctx, StoreChangeLog log, RemoteSparqlService remote) {
        return new FusekiModule() {
            @Override
            public String name() {
                return "labourgraph-history-external";
            }

            @Override
            public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
                // First: a store that does not answer the history's reads is a 502 naming it, as for the pages.
                StoreFailureFilter failures = new StoreFailureFilter(remote.endpoint().query().toString());
                for (Route r : List.of(RouteTable.DOCUMENTS, RouteTable.IDS, RouteTable.TIME_MAPS, RouteTable.PROVENANCE_QUERY,
                        RouteTable.HISTORY, RouteTable.CHANGES)) {
                    r.filter(builder, failures);
                }
                MementoFilter memento = new MementoFilter(log, ctx.settings.baseIri());
                RouteTable.DOCUMENTS.filter(builder, memento);
                RouteTable.IDS.filter(builder, memento);
                RouteTable.DOCUMENTS.filter(builder, RevisionViewFilter.overExternalStore(ctx, log, remote));
                RouteTable.TIME_MAPS.register(builder, new TimeMapServlet(log, ctx.settings.baseIri()));
                RouteTable.PROVENANCE_QUERY.register(builder, new ProvenanceQueryServlet(ctx, log));
                RouteTable.HISTORY.register(builder, new HistoryServlet(ctx, log, remote));
                RouteTable.CHANGES.register(builder, new ChangesServlet(ctx, log));
            }
        };
    }
}
