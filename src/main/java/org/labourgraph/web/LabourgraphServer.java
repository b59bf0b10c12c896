package org.labourgraph.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.sparql.SparqlSafety;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.endpoint.CappedDescribe;
import org.labourgraph.web.endpoint.CappedQueryProcessor;
import org.labourgraph.web.endpoint.CheckedUpdateProcessor;
import org.labourgraph.web.endpoint.HealthServlet;
import org.labourgraph.web.endpoint.QueryTimeoutFilter;
import org.labourgraph.web.endpoint.SearchServlet;
import org.labourgraph.web.endpoint.WritesDisabledServlet;
import org.labourgraph.web.site.ErrorPages;
import org.labourgraph.web.site.HttpConnectors;
import org.labourgraph.web.site.RequestSizeLimitFilter;
import org.labourgraph.web.site.RouteTable;
import org.labourgraph.web.site.WarmUps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that wires the HTTP server: embedded Fuseki (jena-fuseki-main) serving the store at the
 * root — {@code /sparql} (query), {@code /data} (Graph Store Protocol), {@code /update} — and the
 * application's own servlets beside it on the same Jetty port.
 */
public final class LabourgraphServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabourgraphServer.class);
    /** Failed logins from one address within the window before further attempts get 429. */
    static final int LOGIN_FAILURES_BEFORE_THROTTLE = 10;
    static final java.time.Duration LOGIN_THROTTLE_WINDOW = java.time.Duration.ofMinutes(1);

    private final FusekiServer fuseki;
    private final ServerSettings settings;

    LabourgraphServer(FusekiServer fuseki, ServerSettings settings) {
        this.fuseki = fuseki;
        this.settings = settings;
    }

    /**
     * Builds the server for a dataset (the store's, text-indexed with a union default graph).
     * {@code status} feeds /health.
     */
    public static LabourgraphServer build(ServerSettings settings, DatasetGraph dataset, Supplier<JsonObject> status) {
        return build(settings, dataset, status, SiteModules.forDataset(settings, dataset));
    }

    /**
     * Builds the server for a store: its public dataset served as above and, with {@code --passwd}, the
     * curators' area over the public and private data together ({@link CuratorModule}).
     */
    public static LabourgraphServer build(ServerSettings settings, LabourStore store, Supplier<JsonObject> status) {
        return build(settings, store.dataset(), status, SiteModules.forStore(settings, store));
    }

    /** As above, with the site's optional parts (browse UI, exports, …) given as Fuseki modules. */
    public static LabourgraphServer build(ServerSettings settings, DatasetGraph dataset, Supplier<JsonObject> status,
                                          List<FusekiModule> modules) {
        SparqlSafety.install();
        CappedDescribe.install();
        // The operator's timeout is the ceiling: Fuseki takes min(this, a client's ?timeout=).
        dataset.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        boolean writable = settings.passwordFile().isPresent();

        DataService.Builder service = DataService.newBuilder(dataset)
                // endpoint names are relative to the dataset at "/"
                .addEndpoint(Operation.Query, RouteTable.endpointName(RouteTable.SPARQL))
                .addEndpoint(Operation.GSP_R, RouteTable.endpointName(RouteTable.DATA));
        if (writable) {
            service.addEndpoint(Operation.Update, RouteTable.endpointName(RouteTable.UPDATE))
                    .addEndpoint(Operation.GSP_RW, RouteTable.endpointName(RouteTable.DATA));
        }

        FusekiServer.Builder builder = CorsSettings.applyTo(FusekiServer.create()
                .fusekiModules(FusekiModules.create(modules))
                .port(settings.port())
                .loopback(false)
                .enablePing(true)
                .enableStats(false))
                .registerOperation(Operation.Query, new CappedQueryProcessor(settings.resultRowCap(), settings.queryTimeout()))
                .registerOperation(Operation.Update, new CheckedUpdateProcessor())
                .add("/", service.build())
                .addFilter("/*", new RequestSizeLimitFilter(settings.maxRequestBytes()))
                .addFilter("/*", new QueryTimeoutFilter());
        RouteTable.SEARCH_API.register(builder, SearchServlet.local(dataset, settings.queryTimeout()));
        RouteTable.HEALTH.register(builder, new HealthServlet(status));
        if (writable) {
            // After authentication (the security handler runs first): only curators' uploads are parsed.
            builder.securityHandler(writeProtection(settings.passwordFile().get()))
                    .addFilter("/*", new UploadGuardFilter());
        } else {
            RouteTable.UPDATE.register(builder, new WritesDisabledServlet());
        }
        FusekiServer server = builder.build();
        RouteTable.requireDeclared(server);
        bindHost(server, settings.host());
        sizeResponseBuffers(server);
        ErrorPages.install(server, new org.labourgraph.render.Site(settings.baseIri()));
        return new LabourgraphServer(server, settings);
    }

    /**
     * Builds the server for external-endpoint mode ({@code settings.remote()} present): no store of its own, every
     * query checked here and forwarded to the external SPARQL 1.1 service; see {@link RemoteModeServer}.
     */
    public static LabourgraphServer buildRemote(ServerSettings settings) {
        return RemoteModeServer.build(settings);
    }

    /**
     * Basic authentication where the route table says so ({@link RouteTable#constraints}): every write, and every
     * request to the curators' area, the changes' provenance and the operators' metrics.
     */
    static ConstraintSecurityHandler writeProtection(Path passwordFile) {
        ConstraintSecurityHandler security = JettySecurityLib.makeSecurityHandler(Auth.dftRealm,
                userStore(passwordFile), AuthScheme.BASIC);
        security.setAuthenticator(new ThrottledBasicAuthenticator(LOGIN_FAILURES_BEFORE_THROTTLE, LOGIN_THROTTLE_WINDOW,
                java.time.Clock.systemUTC()));
        RouteTable.constraints().forEach(security::addConstraintMapping);
        return security;
    }

    /**
     * Accounts from the realm-properties file, read once at start (no reload thread: restart the server to
     * change accounts).
     */
    private static PropertyUserStore userStore(Path passwordFile) {
        PropertyUserStore users = new PropertyUserStore();
        users.setConfig(ResourceFactory.root().newResource(passwordFile));
        try {
            users.start();
        } catch (Exception e) {
            throw new org.labourgraph.config.InvalidSettingException("--passwd " + passwordFile + " cannot be read as a realm-properties file: "
                    + e.getMessage());
        }
        return users;
    }

    /**
     * Jetty's own default response buffer (32 KiB) instead of Fuseki main's 5 MiB. Each response takes one such
     * buffer of direct memory, and Jetty's pool keeps none that large: at a few hundred responses a second they filled
     * the JVM's direct-memory limit (-Xmx, 1 GiB) faster than young collections freed them, and every allocation past it
     * ran a full GC (System.gc() from java.nio.Bits), ~450 ms with the heap of a 5·10^6-triple store: a /sparql point
     * lookup at 0.42× plain Fuseki's rate. Big buffers bought nothing here: SELECT rows, CONSTRUCT and DESCRIBE results
     * are read (up to the row cap) before the response starts, so a failure still gets its error status.
     */
    static final int RESPONSE_BUFFER_BYTES = 32 * 1024;

    static void sizeResponseBuffers(FusekiServer server) {
        HttpConnectors.httpConfigurations(server).forEach(http -> http.setOutputBufferSize(RESPONSE_BUFFER_BYTES));
    }

    /** The servlet path specs this server maps (each declared in {@link RouteTable}). */
    List<String> mappedPaths() {
        return RouteTable.mappedPaths(fuseki);
    }

    /** The response buffer of each HTTP connector, in bytes. */
    List<Integer> responseBufferSizes() {
        return HttpConnectors.httpConfigurations(fuseki).stream().map(HttpConfiguration::getOutputBufferSize).toList();
    }

    static void bindHost(FusekiServer server, String host) {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(host);
            }
        }
    }

    public LabourgraphServer start() {
        fuseki.start();
        LOG.info("labourgraph is up: browse {} — SPARQL endpoint {}sparql — search {}api/search?q=",
                baseUrl(), baseUrl(), baseUrl());
        return this;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    /** http://host:port/ as a client on this machine reaches it. */
    public String baseUrl() {
        String h = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return "http://" + h + ":" + port() + "/";
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
    }

    /** A /health body: status, time of start, counts. */
    public static JsonObject healthBody(long quads, Instant loadedAt) {
        JsonObject o = new JsonObject();
        o.put("status", "ok");
        o.put("quads", quads);
        o.put("loadedAt", loadedAt.toString());
        o.put("warmUpsPending", WarmUps.pending());
        return o;
    }
}
