package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.Main;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.web.site.HttpDates;

/**
 * Memento, the provenance query and reverts in external mode: a stock standalone Fuseki loaded with the shipped data
 * ({@code load --update-endpoint}, entailments included), one front-end with --passwd, and beside it an embedded server
 * over the same data. The same three edits go through both servers' {@code /update} before any test runs: two on ghost
 * work's alternative labels, then a new English label for its broader concept, digital labour, and a link from it
 * to precarity (skos:related, symmetric: the store's entailment graph gets the link back). The tests read those
 * revisions; the one test that writes reverts the third edit, which no other test reads the current state of (a past
 * state does not change with later revisions, and ghost work's time map and provenance do not list it).
 */
@DisplayName("serve --sparql-endpoint: time maps, TimeGates, past versions, provenance and reverts read the store's history")
@Tag("slow")
class ExternalMementoTest {
    private static final String DOC = "/doc/concept/ghost-work";
    private static final String ADA = TestServer.basic("ada", "ada-s3cret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CONCEPTS = "https://w3id.org/labourgraph/graph/concepts";
    private static final String ENTAILMENTS = "https://w3id.org/labourgraph/graph/entailments";
    private static final Node DIGITAL_LABOUR = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/digital-labour");
    private static final Node PRECARITY = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/precarity");
    private static final Node PREF_LABEL = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");
    private static final Node RELATED = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#related");
    private static final String FIRST_EDIT = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {
              <https://w3id.org/labourgraph/id/concept/ghost-work> skos:altLabel "ghost labour memento"@en } }""";
    private static final String SECOND_EDIT = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            DELETE DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {
              <https://w3id.org/labourgraph/id/concept/ghost-work> skos:altLabel "ghost labour memento"@en } } ;
            INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {
              <https://w3id.org/labourgraph/id/concept/ghost-work> skos:altLabel "shadow work memento"@en } }""";
    private static final String THIRD_EDIT = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            DELETE DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {
              <https://w3id.org/labourgraph/id/concept/digital-labour> skos:prefLabel "digital labour"@en } } ;
            INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {
              <https://w3id.org/labourgraph/id/concept/digital-labour> skos:prefLabel "renamed digital labour"@en ;
                skos:related <https://w3id.org/labourgraph/id/concept/precarity> } }""";
    /** The statements of ghost work's activities in the provenance, with their messages, oldest first. */
    private static final String PROVENANCE_OF_GHOST_WORK = """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?activity ?message WHERE {
              ?state prov:specializationOf <https://w3id.org/labourgraph/id/concept/ghost-work> ; prov:wasGeneratedBy ?activity .
              ?activity rdfs:comment ?message ; prov:startedAtTime ?when .
            } ORDER BY ?when""";
    /** Whether the store itself (not through a front-end) holds a statement in a graph. */
    private static final String STORE_HOLDS = "ASK { GRAPH ?graph { ?s ?p ?o } }";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static TestServer embedded;
    static LabourgraphServer external;
    /** The revisions of the three edits, on each server. */
    static long[] externalRevisions = new long[3];
    static long[] embeddedRevisions = new long[3];

    @BeforeAll
    static void loadAStockFusekiStartBothServersAndMakeTheSameEditsOnEach() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", fuseki.service("update").toString()));
            SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
            assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/");
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, "ada: ada-s3cret, curator\n");
            Files.writeString(work.resolve("curator-names.properties"), "ada = Ada Lovelace\n");
            embedded = TestServer.start(s -> s.withPasswordFile(passwd));
            external = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                    .withQueryTimeout(Duration.ofSeconds(20)).withPasswordFile(passwd)
                    .withRemote(new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                            Optional.of(fuseki.service("data")), Optional.empty()))).start();
            String[] edits = {FIRST_EDIT, SECOND_EDIT, THIRD_EDIT};
            for (int i = 0; i < edits.length; i++) {
                externalRevisions[i] = edit(external, edits[i], "Edit " + (i + 1));
                embeddedRevisions[i] = edit(embedded.server, edits[i], "Edit " + (i + 1));
            }
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(external).filter(s -> s != null).forEach(LabourgraphServer::close);
        if (embedded != null) {
            embedded.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
        external = null;
        embedded = null;
        fuseki = null;
    }

    @Test
    void the_time_map_lists_the_revisions_that_changed_the_resource_with_their_datetimes() throws Exception {
        HttpResponse<String> json = SiteWalk.get(external, "/timemap/concept/ghost-work", "Accept", "application/json");
        assertEquals(200, json.statusCode(), json.body());
        JsonArray list = JSON.parse(json.body()).get("mementos").getAsObject().get("list").getAsArray();
        assertEquals(2, list.size(), "the two edits of ghost work, not the one of its broader concept: " + json.body());
        JsonObject changes = JSON.parse(SiteWalk.get(external, "/changes.json?since=" + (externalRevisions[0] - 1)).body());
        for (int i = 0; i < 2; i++) {
            JsonObject memento = list.get(i).getAsObject();
            JsonObject revision = changes.get("revisions").getAsArray().get(i).getAsObject();
            assertEquals(externalRevisions[i], memento.get("revision").getAsNumber().value().longValue());
            assertEquals(revision.get("time").getAsString().value(), memento.get("datetime").getAsString().value());
            assertTrue(memento.get("uri").getAsString().value().endsWith(DOC + "?rev=" + externalRevisions[i]), memento.toString());
        }
        HttpResponse<String> links = SiteWalk.get(external, "/timemap/concept/ghost-work");
        assertEquals(200, links.statusCode(), links.body());
        assertEquals("application/link-format", links.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        String first = list.get(0).getAsObject().get("datetime").getAsString().value();
        assertTrue(links.body().contains(DOC + "?rev=" + externalRevisions[0] + ">; rel=\"first memento\"; datetime=\""
                + HttpDates.format(java.time.Instant.parse(first)) + "\""), links.body());
        assertTrue(links.body().contains(DOC + "?rev=" + externalRevisions[1] + ">; rel=\"last memento\""), links.body());
    }

    @Test
    void accept_datetime_redirects_to_the_revision_in_force_then() throws Exception {
        HttpResponse<String> early = SiteWalk.get(external, DOC, "Accept-Datetime", "Thu, 01 Jan 2015 00:00:00 GMT");
        assertEquals(302, early.statusCode(), early.body());
        assertEquals(DOC + "?rev=" + externalRevisions[0], early.headers().firstValue("Location").orElse(""));
        assertTrue(early.headers().firstValue("Vary").orElse("").contains("accept-datetime"));
        HttpResponse<String> late = SiteWalk.get(external, DOC, "Accept-Datetime", "Fri, 01 Jan 2100 00:00:00 GMT");
        assertEquals(302, late.statusCode(), late.body());
        assertEquals(DOC + "?rev=" + externalRevisions[1], late.headers().firstValue("Location").orElse(""));
        HttpResponse<String> id = SiteWalk.get(external, "/id/concept/ghost-work", "Accept-Datetime", "Thu, 01 Jan 2015 00:00:00 GMT");
        assertEquals(302, id.statusCode(), id.body());
        assertEquals(DOC + "?rev=" + externalRevisions[0], id.headers().firstValue("Location").orElse(""));
        HttpResponse<String> current = SiteWalk.get(external, DOC);
        assertTrue(current.headers().firstValue("Link").orElse("").contains("rel=\"original timegate\""),
                current.headers().toString());
    }

    @Test
    void a_past_version_shows_the_values_of_then_and_reads_as_on_the_embedded_store() throws Exception {
        HttpResponse<String> past = SiteWalk.get(external, DOC + "?rev=" + externalRevisions[0]);
        assertEquals(200, past.statusCode(), past.body());
        assertTrue(past.body().contains("ghost labour memento"), "the label of revision " + externalRevisions[0]);
        assertFalse(past.body().contains("shadow work memento"), "the label a later revision added");
        assertFalse(past.body().contains("renamed digital labour"), "its broader concept as it was named then");
        assertTrue(past.headers().firstValue("Memento-Datetime").isPresent(), past.headers().toString());
        assertTrue(past.headers().firstValue("Link").orElse("").contains("rel=\"timegate\""), past.headers().toString());
        HttpResponse<String> now = SiteWalk.get(external, DOC);
        assertTrue(now.body().contains("shadow work memento"), "the current page");
        assertFalse(now.body().contains("ghost labour memento"), "the current page");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> here = embedded.get(DOC.substring(1) + "?rev=" + embeddedRevisions[i]);
            HttpResponse<String> there = SiteWalk.get(external, DOC + "?rev=" + externalRevisions[i]);
            assertEquals(200, here.statusCode(), here.body());
            String herePage = withoutRevision(SiteWalk.normalised(here, embedded.server));
            String therePage = withoutRevision(SiteWalk.normalised(there, external));
            assertEquals("", firstDifference(herePage, therePage), "the page at the edit " + (i + 1) + " on both stores");
            Graph hereTurtle = turtle(embedded.get(DOC.substring(1) + ".ttl?rev=" + embeddedRevisions[i]));
            Graph thereTurtle = turtle(SiteWalk.get(external, DOC + ".ttl?rev=" + externalRevisions[i]));
            assertTrue(IsoMatcher.isomorphic(hereTurtle, thereTurtle), "the Turtle at the edit " + (i + 1) + " on both stores");
        }
    }

    @Test
    void the_provenance_query_answers_curators_only() throws Exception {
        String path = "/history/sparql?query=" + TestServer.enc(PROVENANCE_OF_GHOST_WORK);
        assertEquals(401, SiteWalk.get(external, path).statusCode());
        HttpResponse<String> r = SiteWalk.get(external, path, "Authorization", ADA, "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        List<String> rows = r.body().strip().lines().skip(1).sorted().toList();
        assertEquals(List.of("urn:labourgraph:revision:" + externalRevisions[0] + ",Edit 1",
                "urn:labourgraph:revision:" + externalRevisions[1] + ",Edit 2"), rows, r.body());
    }

    @Test
    void a_curator_reverts_a_revision_as_a_new_one_and_an_anonymous_revert_is_refused() throws Exception {
        String revert = "history/revert?rev=" + externalRevisions[2];
        assertEquals(401, post(revert, null).statusCode());
        assertEquals(404, post("history/revert?rev=999999", ADA).statusCode());
        assertTrue(storeHolds(ENTAILMENTS, PRECARITY, RELATED, DIGITAL_LABOUR), "the edit's entailed link, before the revert");
        HttpResponse<String> r = post(revert, ADA);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject answer = JSON.parse(r.body());
        assertTrue(answer.get("changed").getAsBoolean().value(), r.body());
        long made = answer.get("revision").getAsNumber().value().longValue();
        assertTrue(made > externalRevisions[2], r.body());

        assertTrue(storeHolds(CONCEPTS, DIGITAL_LABOUR, PREF_LABEL, NodeFactory.createLiteralLang("digital labour", "en")),
                "the label the reverted revision deleted is back");
        assertFalse(storeHolds(CONCEPTS, DIGITAL_LABOUR, PREF_LABEL, NodeFactory.createLiteralLang("renamed digital labour", "en")),
                "the label it added is gone");
        assertFalse(storeHolds(CONCEPTS, DIGITAL_LABOUR, RELATED, PRECARITY), "the link it added is gone");
        assertFalse(storeHolds(ENTAILMENTS, PRECARITY, RELATED, DIGITAL_LABOUR), "and the entailment graph follows (symmetric link)");
        JsonObject listed = JSON.parse(SiteWalk.get(external, "/changes.json?since=" + (made - 1)).body())
                .get("revisions").getAsArray().get(0).getAsObject();
        assertEquals(made, listed.get("revision").getAsNumber().value().longValue());
        assertEquals("Revert revision " + externalRevisions[2] + " (Edit 3)", listed.get("message").getAsString().value());
        assertEquals("Ada Lovelace", listed.get("curator").getAsString().value());

        HttpResponse<String> again = post(revert, ADA);
        assertEquals(200, again.statusCode(), again.body());
        assertFalse(JSON.parse(again.body()).get("changed").getAsBoolean().value(), "nothing left to undo: " + again.body());
    }

    private static long edit(LabourgraphServer server, String update, String message) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(TestServer.request(URI.create(server.baseUrl() + "update"), "POST",
                "application/sparql-update", update, "Authorization", ADA, "X-Change-Message", message), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, r.statusCode() + " " + r.body());
        HttpResponse<String> changes = SiteWalk.get(server, "/changes.json");
        return JSON.parse(changes.body()).get("head").getAsNumber().value().longValue();
    }

    private static HttpResponse<String> post(String path, String auth) throws IOException, InterruptedException {
        List<String> headers = new ArrayList<>(List.of("Accept", "application/json"));
        if (auth != null) {
            headers.addAll(List.of("Authorization", auth));
        }
        return HTTP.send(TestServer.request(URI.create(external.baseUrl() + path), "POST", "text/plain", "",
                headers.toArray(String[]::new)), HttpResponse.BodyHandlers.ofString());
    }

    /** Where two pages part: the first line that differs, as each has it; empty when they are the same. */
    private static String firstDifference(String embeddedPage, String externalPage) {
        List<String> a = embeddedPage.lines().toList();
        List<String> b = externalPage.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end)";
            String y = i < b.size() ? b.get(i) : "(end)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": embedded «" + x.strip() + "» / external «" + y.strip() + "»";
            }
        }
        return "";
    }

    /** The page without the revision's number and time, which the two stores give differently. */
    private static String withoutRevision(String page) {
        return page.replaceAll("rev=[0-9]+", "rev=N").replaceAll("revision [0-9]+ \\([^)]*\\)", "revision N").replaceAll("révision [0-9]+ \\([^)]*\\)", "révision N");
    }

    private static Graph turtle(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        return g;
    }

    private static boolean storeHolds(String graph, Node s, Node p, Node o) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(fuseki.service("sparql").toString()).query(STORE_HOLDS)
                .substitution("graph", NodeFactory.createURI(graph)).substitution("s", s).substitution("p", p)
                .substitution("o", o).build()) {
            return exec.ask();
        }
    }
}
