package org.labourgraph.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.web.endpoint.WritesDisabledServlet;
import org.labourgraph.web.site.Access;
import org.labourgraph.web.site.Route;
import org.labourgraph.web.site.RouteTable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route table ({@link RouteTable}) is the only list of paths: every route is walked in the embedded and the
 * external mode, with and without accounts, and every write method is sent to it anonymously. With accounts a
 * protected write is 401, never 2xx; without, writes are off. The servlets a server maps are all declared, and every
 * page a template links to is a route.
 */
class RouteTableTest {
    static final String PROBE = "<urn:test:route-table> <urn:test:p> 1 .";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static TestServer embedded;
    static TestServer embeddedReadOnly;
    static LabourgraphServer external;
    static LabourgraphServer externalReadOnly;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        embedded = TestServer.start(s -> s.withPasswordFile(passwd));
        embeddedReadOnly = TestServer.start();
        URI nowhere;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/ds/");
        }
        ServerSettings remote = ServerSettings.defaults(ProjectPaths.root()).withPort(0).withRemote(new RemoteEndpoint(
                nowhere.resolve("sparql"), Optional.of(nowhere.resolve("update")), Optional.of(nowhere.resolve("data")), Optional.empty()));
        external = LabourgraphServer.buildRemote(remote.withPasswordFile(passwd)).start();
        externalReadOnly = LabourgraphServer.buildRemote(remote).start();
    }

    @AfterAll
    static void stop() {
        Stream.of(external, externalReadOnly).forEach(LabourgraphServer::close);
        embedded.close();
        embeddedReadOnly.close();
    }

    @Test
    void every_method_of_a_protected_path_is_covered_either_by_a_login_or_said_open() {
        org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler security =
                new org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler();
        security.setConstraintMappings(RouteTable.constraints());
        assertEquals(java.util.Set.of(), security.getPathsWithUncoveredHttpMethods(),
                "Jetty warns at start of these, and would let a method nobody declared through unasked");
        assertTrue(RouteTable.constraints().stream().anyMatch(m -> m.getMethodOmissions() != null),
                "the open methods are declared beside the protected ones");
    }

    @Test
    void a_route_that_takes_a_write_method_without_declaring_access_cannot_be_built() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Route.at("/somewhere").alsoTakes("POST").build());
        assertTrue(e.getMessage().contains("/somewhere") && e.getMessage().contains("declares no access"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Route.at("/somewhere").alsoTakes("PUT").access(Access.PUBLIC).build());
        assertThrows(IllegalArgumentException.class, () -> Route.at("/somewhere").alsoTakes("DELETE").access(Access.POST_READS).build());
        assertEquals(List.of("PUT"), Route.at("/somewhere").alsoTakes("PUT").access(Access.writesBy("curator")).build().protectedMethods());
    }

    @Test
    void with_accounts_every_protected_write_of_every_route_is_401_for_anonymous_in_the_embedded_mode() throws Exception {
        long revision = embedded.store.history().head();
        walk(embedded.server, Route.Mode.EMBEDDED, true);
        assertEquals(revision, embedded.store.history().head(), "no anonymous request recorded a revision");
        assertFalse(embedded.ask("ASK { GRAPH ?g { <urn:test:route-table> ?p ?o } }"));
    }

    @Test
    void with_accounts_every_protected_write_of_every_route_is_401_for_anonymous_in_the_external_mode() throws Exception {
        walk(external, Route.Mode.EXTERNAL, true);
    }

    @Test
    void without_accounts_no_write_succeeds_anywhere() throws Exception {
        long revision = embeddedReadOnly.store.history().head();
        walk(embeddedReadOnly.server, Route.Mode.EMBEDDED, false);
        walk(externalReadOnly, Route.Mode.EXTERNAL, false);
        assertEquals(revision, embeddedReadOnly.store.history().head());
        assertFalse(embeddedReadOnly.ask("ASK { GRAPH ?g { <urn:test:route-table> ?p ?o } }"));
    }

    /**
     * Sends each write method to each path of each route there in {@code mode}: a method the route protects (any, where
     * every method needs a login) is 401 with a Basic challenge when there are accounts, and 403, 404, 405 or 501
     * (writes off, or the part absent) when there are none; anything else is refused (4xx, or 501 for a part not
     * served in this mode), never a 2xx. POST to a route whose POST only reads carries an update, which must change nothing.
     */
    static void walk(LabourgraphServer server, Route.Mode mode, boolean accounts) throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : RouteTable.ALL) {
            if (route.in(mode) == Route.Presence.ABSENT) {
                continue;
            }
            for (String spec : route.paths()) {
                String path = spec.replace("*", "concept/ghost-work");
                for (String method : Route.WRITE_METHODS) {
                    HttpResponse<String> r = send(server, method, path);
                    sent++;
                    int status = r.statusCode();
                    boolean isProtected = route.protectedMethods().contains(method)
                            || route.access().kind() == Access.Kind.EVERY_METHOD_BY_ROLE;
                    boolean readByPost = method.equals("POST") && route.access().kind() == Access.Kind.PUBLIC_POST_READS;
                    String what = method + " " + path + " → " + status;
                    if (accounts && isProtected) {
                        if (status != 401 || !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic")) {
                            failures.add(what + " (expected 401 with a Basic challenge)");
                        }
                    } else if (isProtected && !List.of(403, 404, 405, 501).contains(status)) {
                        failures.add(what + " (expected writes to be off: 403, 404, 405 or 501)");
                    } else if (!readByPost && !(status >= 400 && status < 500 || status == 501)) {
                        failures.add(what + " (expected a refusal)");
                    }
                }
            }
        }
        assertTrue(sent > 100, "walked " + sent + " requests");
        assertTrue(failures.isEmpty(), mode + (accounts ? " with" : " without") + " accounts:\n" + String.join("\n", failures));
    }

    static HttpResponse<String> send(LabourgraphServer server, String method, String path) throws Exception {
        URI uri = URI.create(server.baseUrl() + path.substring(1));
        var request = switch (method) {
            case "POST" -> TestServer.request(uri, method, "application/sparql-update",
                    "INSERT DATA { GRAPH <urn:test:g> { " + PROBE + " } }");
            case "PATCH" -> TestServer.request(uri, method, "application/rdf-patch", "TX .\nA " + PROBE.replace(" .", "") + " .\nTC .\n");
            default -> TestServer.request(uri, method, "text/turtle", PROBE);
        };
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_servlet_a_server_maps_is_declared_and_every_declared_servlet_route_is_mapped() {
        for (var pair : List.of(new Object[] {embedded.server, Route.Mode.EMBEDDED}, new Object[] {external, Route.Mode.EXTERNAL})) {
            LabourgraphServer s = (LabourgraphServer) pair[0];
            Route.Mode mode = (Route.Mode) pair[1];
            List<String> mapped = s.mappedPaths();
            assertAll(RouteTable.ALL.stream().filter(r -> r.in(mode) == Route.Presence.SERVLET || r.in(mode) == Route.Presence.NOT_YET)
                    .flatMap(r -> r.paths().stream())
                    .map(p -> () -> assertTrue(mapped.contains(p), mode + ": " + p + " is declared but not mapped: " + mapped)));
            assertAll(mapped.stream().map(p -> () -> assertTrue(RouteTable.ALL.stream().anyMatch(r -> r.paths().contains(p)),
                    mode + ": " + p + " is mapped but not declared")));
        }
    }

    @Test
    void a_server_that_maps_an_undeclared_path_does_not_start() {
        ServerSettings settings = ServerSettings.defaults(ProjectPaths.root()).withPort(0);
        var dataset = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        List<org.apache.jena.fuseki.main.sys.FusekiModule> modules = List.of(new org.apache.jena.fuseki.main.sys.FusekiModule() {
            @Override
            public String name() {
                return "undeclared";
            }

            @Override
            public void prepare(org.apache.jena.fuseki.main.FusekiServer.Builder builder, java.util.Set<String> names,
                                org.apache.jena.rdf.model.Model config) {
                builder.addServlet("/not-in-the-table", new WritesDisabledServlet());
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LabourgraphServer.build(settings, dataset, () -> null, modules));
        assertTrue(e.getMessage().contains("/not-in-the-table"), e.getMessage());
    }

    @Test
    void every_page_a_template_links_to_is_a_route() throws Exception {
        Pattern link = Pattern.compile("(?:href|action|src)=\"(/[^\"?#$]*)");
        TreeSet<String> linked = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(ProjectPaths.root().resolve("src/main/jte"))) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = link.matcher(Files.readString(t));
                while (m.find()) {
                    linked.add(m.group(1));
                }
            }
        }
        assertTrue(linked.containsAll(List.of("/", "/hierarchy", "/sparql", "/ontology", "/changes.atom")), linked.toString());
        assertAll(linked.stream().map(p -> () -> assertTrue(RouteTable.ALL.stream()
                .anyMatch(r -> r.in(Route.Mode.EMBEDDED) != Route.Presence.ABSENT && r.matches(p)), p + " is linked but no route")));
    }

    @Test
    void the_page_cache_keeps_exactly_the_routes_declared_public_pages() {
        assertTrue(RouteTable.isCacheablePage("/doc/concept/ghost-work"));
        assertTrue(RouteTable.isCacheablePage("/hierarchy"));
        assertTrue(RouteTable.isCacheablePage("/api/search"));
        assertFalse(RouteTable.isCacheablePage("/curator/doc/concept/ghost-work"));
        assertFalse(RouteTable.isCacheablePage("/query"));
        assertFalse(RouteTable.isCacheablePage("/history/concept/ghost-work"));
    }
}
