package org.labourgraph.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.browse.BrowseModule;
import org.labourgraph.web.curation.CuratorModule;
import org.labourgraph.web.history.HistoryModule;
import org.labourgraph.web.interop.InteropModule;
import org.labourgraph.web.site.MetricsModule;

/**
 * The optional parts of the site, each a Fuseki module whose {@code prepare} hook adds its servlets and
 * filters to the server builder. A new part is added here, and nowhere else in the wiring.
 */
public final class SiteModules {
    private SiteModules() {}

    public static List<FusekiModule> forDataset(ServerSettings settings, DatasetGraph dataset) {
        return List.of(new BrowseModule(settings, dataset), new InteropModule(settings, dataset), new HistoryModule(settings, dataset));
    }

    /**
     * The parts for a store: as above over its public dataset, plus, when there are accounts, the operators' metrics
     * (first: its filter times every request, page-cache hits included) and the curators' area.
     */
    public static List<FusekiModule> forStore(ServerSettings settings, LabourStore store) {
        List<FusekiModule> modules = new ArrayList<>();
        if (settings.passwordFile().isPresent()) {
            modules.addAll(MetricsModule.forStore(store));
        }
        modules.addAll(forDataset(settings, store.dataset()));
        if (settings.passwordFile().isPresent()) {
            modules.add(new CuratorModule(settings, store));
        }
        return modules;
    }
}
