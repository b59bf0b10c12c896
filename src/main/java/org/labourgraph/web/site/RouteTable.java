package org.labourgraph.web.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.security.Constraint;
import org.labourgraph.web.curation.CuratorModule;

import static org.labourgraph.web.site.Route.Presence.ABSENT;
import static org.labourgraph.web.site.Route.Presence.FILTER;
import static org.labourgraph.web.site.Route.Presence.FUSEKI;

/**
 * Every path the server answers, each declared once ({@link Route}). The modules register their servlets through
 * these routes, {@link RenderedCacheFilter} keeps only the routes declared {@link Route.Cache#PUBLIC_PAGE}, the login
 * constraints of {@link LabourgraphServer#writeProtection} are made from each route's {@link Access}, and external
 * mode's 501s from the routes it does not serve yet. A server whose servlets include a path not declared here does
 * not start ({@link #requireDeclared}).
 */
public final class RouteTable {
    /** Roles allowed to write, from the realm-properties file. */
    static final String[] WRITERS = {"curator", "admin"};
    /** Roles that may read the operators' metrics: a scraper's account needs no right to write. */
    static final String[] METRICS_READERS = {"admin", "metrics"};

    private static final String CURATORS_AREA = "the curators' pages and their SPARQL endpoint";

    // Fuseki's operations on the dataset at "/" (embedded), forwarded to the external service (external mode).
    public static final Route SPARQL = Route.at(Routes.SPARQL).alsoTakes("POST").access(Access.POST_READS).embedded(FUSEKI).build();
    public static final Route DATA = Route.at("/data").alsoTakes("PUT", "POST", "DELETE", "PATCH")
            .access(Access.writesBy(WRITERS)).embedded(FUSEKI).build();
    /** Without --passwd, a servlet that says writes are off. */
    public static final Route UPDATE = Route.at("/update").alsoTakes("POST").access(Access.everyMethodBy(WRITERS)).embedded(FUSEKI).build();
    static final Route PING = Route.at("/$/ping").alsoTakes("POST").access(Access.POST_READS)
            .embedded(FUSEKI).external(FUSEKI).build();
    /** Fuseki's Prometheus module, with --passwd ({@link MetricsModule}). */
    static final Route METRICS = Route.at(MetricsModule.PATH).access(Access.everyMethodBy(METRICS_READERS))
            .embedded(FUSEKI).external(ABSENT).build();
    public static final Route HEALTH = Route.at("/health").build();
    public static final Route SEARCH_API = Route.at("/api/search").cachedPublicPage().build();

    // The browsing site (BrowseModule).
    /** {@link HomeFilter} answers it; a query string other than ?lang= is SPARQL, by POST too. */
    public static final Route HOME = Route.at("/").alsoTakes("POST").access(Access.POST_READS).cachedPublicPage()
            .embedded(FILTER).external(FILTER).build();
    public static final Route IDS = Route.at(Routes.under(Routes.ID)).build();
    /** Resource edits with PUT and PATCH where the history is kept ({@link HistoryModule}). */
    public static final Route DOCUMENTS = Route.at(Routes.under(Routes.DOC)).alsoTakes("PUT", "PATCH")
            .access(Access.writesBy(WRITERS)).cachedPublicPage().build();
    public static final Route HIERARCHY = Route.at("/hierarchy").cachedPublicPage().build();
    public static final Route INDEX = Route.at("/index").cachedPublicPage().build();
    public static final Route MAP = Route.at("/map").cachedPublicPage().build();
    public static final Route SEARCH = Route.at("/search").cachedPublicPage().build();
    public static final Route QUERY_EDITOR = Route.at("/query").build();
    public static final Route ONTOLOGY = Route.at(Stream.concat(Stream.of(Routes.ONTOLOGY, Routes.under(Routes.ONTOLOGY)),
            Stream.of(Variant.values()).map(v -> Routes.ONTOLOGY + "." + v.extension)).toArray(String[]::new)).build();
    public static final Route CITATIONS = Route.at("/cite/*").build();
    public static final Route STATIC = Route.at("/static/*").build();

    // What other sites and programs use (web.interop.InteropModule).
    public static final Route DUMPS = Route.at(Routes.under(Routes.DUMPS)).build();
    public static final Route JSONLD_CONTEXT = Route.at("/context.jsonld").external(ABSENT).build();
    public static final Route DATASET_DESCRIPTION = Route.at("/.well-known/void", "/dataset").build();
    public static final Route SITEMAP = Route.at("/sitemap.xml").build();
    public static final Route ROBOTS = Route.at("/robots.txt").external(ABSENT).build();
    public static final Route FRAGMENTS = Route.at("/fragments").build();
    /** OpenRefine sends its queries by POST. */
    public static final Route RECONCILE = Route.at("/reconcile/*").alsoTakes("POST").access(Access.POST_READS).build();

    // The history (HistoryModule, over a store that records its changes; in external mode, the history kept in the store).
    public static final Route TIME_MAPS = Route.at(Routes.TIME_MAPS + "/*").build();
    /** The changes' provenance: curators only. */
    public static final Route PROVENANCE_QUERY = Route.at("/history/sparql").alsoTakes("POST").access(Access.everyMethodBy(WRITERS)).build();
    /** POST /history/revert reverts a revision. */
    public static final Route HISTORY = Route.at("/history/*").alsoTakes("POST").access(Access.writesBy(WRITERS)).build();
    /** In external mode, read from the history the front-ends record in the store (StoreChangeLog). */
    public static final Route CHANGES = Route.at("/changes/*", "/changes.atom", "/changes.json").build();

    // The curators' area (CuratorModule, with --passwd): its SPARQL endpoint is a Fuseki dataset at /curator.
    static final Route CURATOR_AREA = Route.at(Routes.CURATOR, Routes.CURATOR + "/*").alsoTakes(Route.WRITE_METHODS.toArray(String[]::new))
            .access(Access.everyMethodBy(WRITERS)).embedded(FUSEKI).notYetExternally(CURATORS_AREA).build();
    public static final Route CURATOR_DOCUMENTS = Route.at(Routes.CURATOR + "/doc/*").access(Access.everyMethodBy(WRITERS))
            .external(ABSENT).build();
    public static final Route PRIVATE_IMPORT = Route.at(Routes.CURATOR + "/private").alsoTakes("POST", "PUT")
            .access(Access.everyMethodBy(WRITERS)).external(ABSENT).build();

    public static final List<Route> ALL = List.of(SPARQL, DATA, UPDATE, PING, METRICS, HEALTH, SEARCH_API, HOME, IDS, DOCUMENTS,
            HIERARCHY, INDEX, MAP, SEARCH, QUERY_EDITOR, ONTOLOGY, CITATIONS, STATIC, DUMPS, JSONLD_CONTEXT,
            DATASET_DESCRIPTION, SITEMAP, ROBOTS, FRAGMENTS, RECONCILE, TIME_MAPS, PROVENANCE_QUERY, HISTORY, CHANGES,
            CURATOR_AREA, CURATOR_DOCUMENTS, PRIVATE_IMPORT);

    static {
        Set<String> seen = new HashSet<>();
        for (Route r : ALL) {
            for (String p : r.paths()) {
                if (!seen.add(p)) {
                    throw new IllegalStateException("Path " + p + " is declared twice in the route table");
                }
            }
        }
    }

    private RouteTable() {}

    /** Whether a GET of {@code uri} falls under a route whose anonymous answers the page cache may keep. */
    public static boolean isCacheablePage(String uri) {
        return ALL.stream().anyMatch(r -> r.cache() == Route.Cache.PUBLIC_PAGE && r.matches(uri));
    }

    /**
     * The login constraints of every route that has any, in every mode (a constraint on a path a mode does not serve
     * asks for a login before the 404 or 501). An exact path protects what lies under it too.
     */
    public static List<ConstraintMapping> constraints() {
        List<ConstraintMapping> all = new ArrayList<>();
        for (Route r : ALL) {
            if (r.protectedMethods().isEmpty()) {
                continue;
            }
            Constraint roles = new Constraint.Builder().name("BASIC").roles(r.access().roles().toArray(String[]::new))
                    .authorization(Constraint.Authorization.SPECIFIC_ROLE).build();
            boolean everyMethod = r.access().kind() == Access.Kind.EVERY_METHOD_BY_ROLE;
            Set<String> specs = new LinkedHashSet<>();
            for (String path : r.paths()) {
                specs.add(path);
                if (!path.endsWith("*")) {
                    specs.add(path + "/*");
                }
            }
            for (String spec : specs) {
                if (everyMethod) {
                    all.add(mapping(spec, null, roles));
                } else {
                    r.protectedMethods().forEach(m -> all.add(mapping(spec, m, roles)));
                    // The other methods said open on purpose: Jetty would otherwise warn at every start that they are
                    // "uncovered", which reads like a hole to whoever runs the server.
                    ConstraintMapping open = mapping(spec, null, Constraint.ALLOWED);
                    open.setMethodOmissions(r.protectedMethods().toArray(String[]::new));
                    all.add(open);
                }
            }
        }
        return all;
    }

    private static ConstraintMapping mapping(String pathSpec, String method, Constraint constraint) {
        ConstraintMapping m = new ConstraintMapping();
        m.setPathSpec(pathSpec);
        if (method != null) {
            m.setMethod(method);
        }
        m.setConstraint(constraint);
        return m;
    }

    /** The name of a Fuseki endpoint on the dataset at "/" for a route: its path without the leading slash. */
    public static String endpointName(Route r) {
        return r.paths().get(0).substring(1);
    }

    /** The exact paths Fuseki or its modules answer over the embedded store ({@code /sparql}, {@code /$/ping}, …). */
    static Set<String> fusekiPaths() {
        return in(Route.Mode.EMBEDDED, FUSEKI).stream().flatMap(r -> r.paths().stream()).filter(p -> !p.contains("*"))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Routes declared for {@code mode} with {@code presence}. */
    public static List<Route> in(Route.Mode mode, Route.Presence presence) {
        return ALL.stream().filter(r -> r.in(mode) == presence).toList();
    }

    /** The servlet path specs mapped on a built server. */
    public static List<String> mappedPaths(FusekiServer server) {
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(server.getServletContext());
        List<String> paths = new ArrayList<>();
        ServletMapping[] mappings = context.getServletHandler().getServletMappings();
        for (ServletMapping m : mappings == null ? new ServletMapping[0] : mappings) {
            paths.addAll(List.of(m.getPathSpecs()));
        }
        return paths;
    }

    /** Fails the start of a server that maps a servlet on a path this table does not declare. */
    public static void requireDeclared(FusekiServer server) {
        List<String> undeclared = mappedPaths(server).stream()
                .filter(p -> ALL.stream().noneMatch(r -> r.paths().contains(p))).toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Servlets mapped on paths the route table (RouteTable) does not declare: "
                    + undeclared + ". Declare each path there, with its methods, cache policy and access.");
        }
    }
}
