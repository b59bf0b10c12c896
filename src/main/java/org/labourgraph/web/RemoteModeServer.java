package org.labourgraph.web;

import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.sparql.DataGraphsFound;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.RemoteSparqlSearch;
import org.labourgraph.sparql.RemoteQuads;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.SendModeChoice;
import org.labourgraph.source.SourceSet;
import org.labourgraph.sparql.SparqlSafety;
import org.labourgraph.store.EntailmentChange;
import org.labourgraph.validate.ResourceShapes;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.browse.BrowseModule;
import org.labourgraph.web.curation.ChangeAttributionFilter;
import org.labourgraph.web.endpoint.ExternalShapes;
import org.labourgraph.web.endpoint.NotServedHereServlet;
import org.labourgraph.web.endpoint.QueryTimeoutFilter;
import org.labourgraph.web.endpoint.RemoteGraphStoreServlet;
import org.labourgraph.web.endpoint.RemoteHealthServlet;
import org.labourgraph.web.endpoint.RemoteQueryServlet;
import org.labourgraph.web.endpoint.RemoteUpdateServlet;
import org.labourgraph.web.endpoint.SearchServlet;
import org.labourgraph.web.endpoint.UnrecordedWrites;
import org.labourgraph.web.endpoint.WritesDisabledServlet;
import org.labourgraph.web.history.HistoryModule;
import org.labourgraph.web.history.NoPastVersionsFilter;
import org.labourgraph.web.interop.RemoteInterop;
import org.labourgraph.web.site.ErrorPages;
import org.labourgraph.web.site.RequestSizeLimitFilter;
import org.labourgraph.web.site.Route;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.SiteContext;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the server for external-endpoint mode ({@code serve --sparql-endpoint URL}): the application on the same
 * paths as the embedded mode, with no store of its own. The browsing site ({@link BrowseModule}: home, resource pages
 * and documents, hierarchy, A–Z, map, search, ontology, citations) reads through the same queries as on the
 * embedded store, sent to the service over its public data graphs, and so do the reconciliation service, the
 * dataset description, the sitemap and the triple pattern fragments ({@link RemoteInterop}). {@code /sparql}, {@code /data} and
 * {@code /update} check each request and forward it to the external SPARQL 1.1 service; {@code /api/search}
 * runs the portable SPARQL fallback; {@code /health} asks the service. Jetty comes from Fuseki's builder with
 * no dataset, so ping, CORS and the security handler are the embedded mode's.
 */
final class RemoteModeServer {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteModeServer.class);

    static final String WRITES_DISABLED = "Writes are disabled on this server: it was started without credentials."
            + " Write to the external SPARQL service directly, or start this server with --passwd FILE (a"
            + " realm-properties file: user: password, curator) to forward authenticated SPARQL Update and Graph Store"
            + " Protocol writes to it.";
    static final String NO_UPDATE_ENDPOINT = "This server forwards writes, but was started without --update-endpoint:"
            + " it has no SPARQL Update service to send them to. Restart it with --update-endpoint URL.";

    static final String NO_HISTORY = "This server runs in external-endpoint mode over a store whose default graph is the"
            + " public data (--data-graphs store-default): no history is kept there, since its graph would be public too."
            + " Name the data graphs (--data-graphs discover, the default, or a list) to have writes recorded and listed here.";

    private RemoteModeServer() {}

    static LabourgraphServer build(ServerSettings settings) {
        RemoteEndpoint endpoint = settings.remote().orElseThrow(() -> new IllegalArgumentException(
                "external-endpoint mode needs --sparql-endpoint URL"));
        // This JVM runs no client query itself, but the search fallback builds queries with Jena: keep it closed too.
        SparqlSafety.install();
        RemoteSparqlService remote = new RemoteSparqlService(endpoint, settings.queryTimeout());
        SendModeChoice.Outcome sendMode = remote.chooseSendMode();
        if (sendMode != SendModeChoice.Outcome.NO_ANSWER) {
            DataGraphsFound.warning(remote).ifPresent(LOG::warn);
        }
        boolean writable = settings.passwordFile().isPresent();
        RemoteSparqlSearch search = new RemoteSparqlSearch(remote);
        // The history lives in a graph of the store, outside its public data; a store whose default graph is the data
        // (the union of its graphs) would show it to everyone, so there none is kept.
        // Curators' writes meet the shapes as on the embedded store, before they are sent.
        Optional<ExternalShapes> shapes = writable
                ? ResourceShapes.load(SourceSet.discover(settings.projectRoot()).shapes()).map(s -> new ExternalShapes(remote, s, search::dialect))
                : Optional.empty();
        Optional<StoreChangeLog> history = endpoint.dataGraphs().mode() == DataGraphs.Mode.STORE_DEFAULT
                ? Optional.empty() : Optional.of(new StoreChangeLog(remote, change -> checked(shapes, change, entailmentsOf(remote, change))));
        // Without a history, a write still meets the shapes and keeps the store's entailment graph, when it has one.
        Optional<UnrecordedWrites> unrecorded = history.isPresent() ? Optional.empty() : Optional.of(new UnrecordedWrites(remote,
                change -> entailed(remote, change), (change, derived) -> checked(shapes, change, derived)));
        SiteContext ctx = SiteContext.remote(settings, remote, search);

        // The history's module after the browsing site's, so that its filters on the documents come after the site's.
        List<FusekiModule> modules = new ArrayList<>(List.of(new BrowseModule(ctx)));
        history.ifPresent(log -> modules.add(HistoryModule.external(ctx, log, remote)));
        FusekiServer.Builder builder = CorsSettings.applyTo(FusekiServer.create()
                .fusekiModules(FusekiModules.create(modules))
                .port(settings.port())
                .loopback(false)
                .enablePing(true)
                .enableStats(false))
                .addFilter("/*", new RequestSizeLimitFilter(settings.maxRequestBytes()))
                .addFilter("/*", new QueryTimeoutFilter())
                .addFilter("/*", new ChangeAttributionFilter());
        RouteTable.SPARQL.register(builder, new RemoteQueryServlet(remote));
        RouteTable.DATA.register(builder, new RemoteGraphStoreServlet(remote, writable, WRITES_DISABLED, history, unrecorded));
        RouteTable.UPDATE.register(builder, updateServlet(remote, writable, history, unrecorded));
        RouteTable.SEARCH_API.register(builder, new SearchServlet(search));
        RouteTable.HEALTH.register(builder, new RemoteHealthServlet(remote));
        RemoteInterop.register(builder, settings, () -> QueryRunner.remote(remote), search);
        if (history.isEmpty()) {
            NotServedHereServlet none = NotServedHereServlet.saying(NO_HISTORY);
            for (Route r : List.of(RouteTable.HISTORY, RouteTable.CHANGES, RouteTable.TIME_MAPS, RouteTable.PROVENANCE_QUERY)) {
                r.register(builder, none);
            }
            RouteTable.DOCUMENTS.filter(builder, new NoPastVersionsFilter(NO_HISTORY));
        }
        notServedYet(builder);
        if (writable) {
            builder.securityHandler(LabourgraphServer.writeProtection(settings.passwordFile().get()));
        }
        FusekiServer server = builder.build();
        RouteTable.requireDeclared(server);
        LabourgraphServer.bindHost(server, settings.host());
        LabourgraphServer.sizeResponseBuffers(server);
        ErrorPages.install(server, new org.labourgraph.render.Site(settings.baseIri()));
        LOG.info("External-endpoint mode: queries go to {} ({}){}{}; writes {}.", endpoint.query(),
                switch (sendMode) {
                    case POST_BODIES -> "as POST bodies";
                    case GET_ONLY -> "by GET or form POST: the store did not answer a direct POST";
                    case NO_ANSWER -> "the store does not answer yet: it is asked how it takes queries once it does";
                },
                endpoint.update().map(u -> ", updates to " + u).orElse(""),
                endpoint.graphStore().map(u -> ", Graph Store Protocol to " + u).orElse(""),
                writable ? "are forwarded for authenticated curators" : "are refused (no --passwd)");
        return new LabourgraphServer(server, settings);
    }

    /** The site's parts that still read the embedded store: a clear 501 each, on the paths of the embedded mode. */
    private static void notServedYet(FusekiServer.Builder builder) {
        Map<String, NotServedHereServlet> byPart = new HashMap<>();
        for (Route r : RouteTable.in(Route.Mode.EXTERNAL, Route.Presence.NOT_YET)) {
            r.register(builder, byPart.computeIfAbsent(r.notServedWhy(), NotServedHereServlet::new));
        }
    }

    private static HttpServlet updateServlet(RemoteSparqlService remote, boolean writable, Optional<StoreChangeLog> history,
                                             Optional<UnrecordedWrites> unrecorded) {
        if (!writable) {
            return new WritesDisabledServlet(WRITES_DISABLED);
        }
        if (remote.endpoint().update().isEmpty()) {
            return new WritesDisabledServlet(NO_UPDATE_ENDPOINT);
        }
        return new RemoteUpdateServlet(remote, history, unrecorded);
    }

    /** {@code derived}, once the shapes (when there are) have let {@code change} with it through. */
    private static UpdateDeltas.Delta checked(Optional<ExternalShapes> shapes, UpdateDeltas.Delta change, UpdateDeltas.Delta derived) {
        shapes.ifPresent(s -> s.check(change, derived));
        return derived;
    }

    /**
     * What a forwarded change does to the store's entailment graph, so that its pages and queries keep answering as the
     * embedded store's do; nothing when the store keeps no entailment graph ({@code load --no-entailments}).
     */
    private static UpdateDeltas.Delta entailmentsOf(RemoteSparqlService remote, UpdateDeltas.Delta change) {
        if (!new RemoteQuads(remote, LG.ENTAILMENT_GRAPH).holdsAny(NodeFactory.createURI(LG.ENTAILMENT_GRAPH))) {
            return UpdateDeltas.Delta.NONE;
        }
        return entailed(remote, change);
    }

    /** As {@link #entailmentsOf}, for a caller that has seen the store hold the entailment graph. */
    private static UpdateDeltas.Delta entailed(RemoteSparqlService remote, UpdateDeltas.Delta change) {
        Node graph = NodeFactory.createURI(LG.ENTAILMENT_GRAPH);
        RemoteQuads store = new RemoteQuads(remote, LG.ENTAILMENT_GRAPH);
        long started = System.nanoTime();
        UpdateDeltas.Delta entailed = EntailmentChange.of(store, graph, change.added(), change.deleted());
        LOG.debug("A change of {} statements brings {} entailed ones and takes {} away ({} queries, {} ms)",
                change.added().size() + change.deleted().size(), entailed.added().size(), entailed.deleted().size(),
                store.queries(), (System.nanoTime() - started) / 1_000_000);
        return entailed;
    }
}
