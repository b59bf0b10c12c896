package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labourgraph.web.AppHttp.enc;
import static org.labourgraph.web.AppHttp.get;
import static org.labourgraph.web.AppHttp.mediaTypeOf;
import static org.labourgraph.web.AppHttp.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.SKOS;
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
import org.labourgraph.sparql.RemoteSparqlSearch;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.SearchDialect;
import org.labourgraph.store.Entailments;
import org.labourgraph.vocab.LG;

/**
 * {@code serve --sparql-endpoint} in front of Virtuoso 7, a store that is not Jena: the graph goes in with
 * {@code load --update-endpoint} (one SPARQL update request, with the entailment graph), and every check goes through
 * the app's port, which discovers the data graphs ({@code --data-graphs discover}). What the answers must hold is read
 * from ontology/ and data/ by Jena here, never from the app's own code.
 *
 * <p>What Virtuoso 7 (Debian 7.2.5) does differently, each met while building this: INSERT DATA refuses blank nodes
 * ("not allowed in a constant clause"; a template takes them); one operation of ~1,400 triples, or one writing two
 * graphs, fails ("generated SQL text has exceeded 10000 lines", SR002); a direct {@code application/sparql-query} POST is
 * never answered (GET and form POST are); {@code grant SPARQL_UPDATE} alone lets only INSERT DATA through; an empty
 * graph pattern lists no graph; its default graph holds its own system graphs (hence discover, not store-default);
 * {@code default-graph-uri} without {@code named-graph-uri} leaves {@code GRAPH ?g} seeing every graph; {@code BNODE()}
 * is not implemented; a regex class of non-ASCII letters matches nothing; results are cut silently at
 * {@code ResultSetMaxRows} (10,000); a query it estimates too long is refused up front with 500; booleans come back as
 * {@code "1"^^xsd:boolean} (and tier 1's {@code "1"^^xsd:positiveInteger} too: it keeps both as
 * the number 1), language tags lower-cased, a whole
 * {@code xsd:decimal} as an integer and a string that spells an http(s) IRI as that IRI (so its dumps differ from the
 * embedded ones in that spelling only, {@code everyDumpHoldsTheStatementsOfTheEmbeddedSitesDump}); CONSTRUCT has no N-Quads or TriG; {@code bif:contains} folds
 * accents only with {@code XAnyNormalization = 3}, needs 4 leading characters for a wildcard and sees new literals only
 * after {@code VT_INC_INDEX}; its Graph Store Protocol has no {@code ?default} and its authenticated endpoints take
 * Digest only (so the app sends it queries by GET, its probe of a direct POST unanswered); a NOT EXISTS beside two OPTIONALs in one group overflows its cost model ("SQ200: Stack Overflow in
 * cost model"), so {@code void-scheme.rq} finds the public schemes in a sub-select first; it keeps a literal by its
 * value (2.0 and 2, true and 1 are one object), so the dataset description counts fewer distinct objects there, its
 * only difference.
 */
@DisplayName("serve --sparql-endpoint: the app in front of Virtuoso 7")
@Tag("slow")
class ExternalVirtuosoTest {
    private static final String GHOST_WORK = LG.CONCEPT_NS + "ghost-work";
    private static final String CURATOR = "curator";
    private static final String CURATOR_PASSWORD = "s3cret-for-virtuoso";
    private static final String PREF_LABELS = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?label WHERE { <https://w3id.org/labourgraph/id/concept/ghost-work> skos:prefLabel ?label }""";

    @TempDir
    static Path work;

    static Virtuoso virtuoso;
    /** The sources, as Jena reads them: where every expected value comes from. */
    static Graph sources;
    /** Read-only: no --passwd. */
    static LabourgraphServer app;
    /** With --passwd: forwards a curator's update. */
    static LabourgraphServer writableApp;

    @BeforeAll
    static void startVirtuosoLoadTheGraphAndStartTheApp() throws Exception {
        Virtuoso.assumeInstalled();
        try {
            virtuoso = Virtuoso.start(work.resolve("virtuoso"));
            List<Path> files = sourceFiles();
            sources = GraphFactory.createDefaultGraph();
            files.forEach(f -> GraphUtil.addInto(sources, RDFDataMgr.loadGraph(f.toString())));
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", virtuoso.endpoint().toString()));
            files.forEach(f -> load.add(f.toString()));
            String[] err = new String[1];
            int exit = runCapturingStderr(load, err);
            assertEquals(0, exit, "load --update-endpoint into Virtuoso:\n" + err[0] + "\n" + virtuoso.log());
            virtuoso.indexText();
            app = LabourgraphServer.buildRemote(settings()).start();
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, CURATOR + ": " + CURATOR_PASSWORD + ", curator\n");
            writableApp = LabourgraphServer.buildRemote(settings().withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(app, writableApp).filter(s -> s != null).forEach(LabourgraphServer::close);
        app = null;
        writableApp = null;
        if (virtuoso != null) {
            virtuoso.close();
            virtuoso = null;
        }
    }

    /** ontology/*.ttl but the shapes, and data/*.ttl: the public graph. */
    private static List<Path> sourceFiles() throws IOException {
        Path root = ProjectPaths.root();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("ontology", "data")) {
            try (Stream<Path> list = Files.list(root.resolve(folder))) {
                list.filter(p -> p.getFileName().toString().endsWith(".ttl") && !p.getFileName().toString().equals("shapes.ttl"))
                        .sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 2, "ontology/ and data/ hold the graph, under " + root);
        return files;
    }

    private static int runCapturingStderr(List<String> args, String[] err) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            return Main.run(args.toArray(String[]::new));
        } finally {
            System.setErr(old);
            err[0] = buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static ServerSettings settings() {
        RemoteEndpoint endpoint = new RemoteEndpoint(virtuoso.endpoint(), Optional.of(virtuoso.endpoint()),
                Optional.of(virtuoso.graphStore()), Optional.empty());
        return ServerSettings.defaults(ProjectPaths.root()).withPort(0).withQueryTimeout(Duration.ofSeconds(30)).withRemote(endpoint);
    }

    /** The query's ?label values over the sources, as Jena answers it: "lexical@lang" each. */
    private static List<String> expectedLabels(String query) {
        List<String> labels = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(query, ModelFactory.createModelForGraph(sources))) {
            ResultSet rows = exec.execSelect();
            rows.forEachRemaining(row -> labels.add(literal(row)));
        }
        labels.sort(null);
        return labels;
    }

    private static String literal(QuerySolution row) {
        return row.getLiteral("label").getLexicalForm() + "@" + row.getLiteral("label").getLanguage();
    }

    // ------------------------------------------------------------------ /sparql

    @Test
    void aSelectAnswersGhostWorksLabelsAsTheSourcesHoldThem() throws Exception {
        List<String> expected = expectedLabels(PREF_LABELS);
        assertTrue(expected.size() >= 2, "the sources give ghost work labels in several languages: " + expected);
        HttpResponse<String> r = get(app, "sparql?query=" + enc(PREF_LABELS), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/sparql-results+json", mediaTypeOf(r));
        List<String> actual = new ArrayList<>();
        JsonArray rows = JSON.parse(r.body()).getObj("results").get("bindings").getAsArray();
        rows.forEach(row -> {
            JsonObject label = row.getAsObject().getObj("label");
            actual.add(label.getString("value") + "@" + label.getString("xml:lang"));
        });
        // Sorted here: SPARQL leaves the order of literals with language tags to the engine, and Virtuoso's differs.
        actual.sort(null);
        assertEquals(expected, actual, r.body());
    }

    @Test
    void aConstructAnswersInTurtleEveryStatementTheSourcesMakeAboutGhostWork() throws Exception {
        String construct = "CONSTRUCT { <" + GHOST_WORK + "> ?p ?o } WHERE { <" + GHOST_WORK + "> ?p ?o }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(construct), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaTypeOf(r));
        Graph answered = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(answered);
        Graph expected = GraphFactory.createDefaultGraph();
        // What the store answers: the sources and the entailment graph load --update-endpoint wrote beside them.
        sources.find(NodeFactory.createURI(GHOST_WORK), Node.ANY, Node.ANY).forEachRemaining(expected::add);
        Entailments.of(sources).find(NodeFactory.createURI(GHOST_WORK), Node.ANY, Node.ANY).forEachRemaining(expected::add);
        assertTrue(expected.contains(NodeFactory.createURI(GHOST_WORK), SKOS.prefLabel.asNode(), Node.ANY), "sources hold ghost work");
        Set<String> missing = new HashSet<>();
        expected.find().forEachRemaining(t -> {
            if (!answered.contains(t)) {
                missing.add(t.toString());
            }
        });
        assertAll(
                () -> assertEquals(Set.of(), missing, "statements of the sources Virtuoso's answer lacks"),
                () -> assertEquals(expected.size(), answered.size(), r.body()));
    }

    @Test
    void aBlankNodeOfTheSourcesArrivesWithItsStatements() throws Exception {
        // The ontology's creator is a blank node: load sends its graph as INSERT … WHERE {}, which Virtuoso takes.
        String creator = """
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label WHERE { <https://w3id.org/labourgraph/ontology> dcterms:creator/rdfs:label ?label }""";
        List<String> expected = expectedLabels(creator);
        assertFalse(expected.isEmpty(), "the sources give the ontology a labelled creator");
        HttpResponse<String> r = get(app, "sparql?query=" + enc(creator), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> actual = new ArrayList<>();
        JSON.parse(r.body()).getObj("results").get("bindings").getAsArray().forEach(row -> {
            JsonObject label = row.getAsObject().getObj("label");
            actual.add(label.getString("value") + "@" + (label.hasKey("xml:lang") ? label.getString("xml:lang") : ""));
        });
        actual.sort(null);
        assertEquals(expected, actual, r.body());
    }

    @Test
    void theGraphStoreProtocolReadsASourceGraphAsTheFileHoldsIt() throws Exception {
        Path works = ProjectPaths.root().resolve("data/works.ttl");
        HttpResponse<String> r = get(app, "data?graph=" + enc(LG.GRAPH_NS + "works"), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaTypeOf(r));
        Graph answered = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(answered);
        assertTrue(answered.isIsomorphicWith(RDFDataMgr.loadGraph(works.toString())), r.body());
    }

    @Test
    void aServiceQueryIsRefusedWith400() throws Exception {
        String federated = "SELECT * WHERE { SERVICE <" + virtuoso.baseUrl() + "/sparql> { ?s ?p ?o } }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(federated), "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE"), r.body());
    }

    // ------------------------------------------------------------------ /api/search

    @Test
    void searchForGhostFindsTheGhostWorkConcept() throws Exception {
        String englishLabel = expectedLabels(PREF_LABELS).stream().filter(l -> l.endsWith("@en"))
                .map(l -> l.substring(0, l.length() - 3)).findFirst().orElseThrow();
        HttpResponse<String> r = get(app, "api/search?q=ghost&lang=en", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = JSON.parse(r.body()).get("results").getAsArray();
        Optional<JsonObject> ghostWork = results.stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("iri").equals(GHOST_WORK)).findFirst();
        assertTrue(ghostWork.isPresent(), r.body());
        assertEquals(englishLabel, ghostWork.get().getString("label"), r.body());
    }

    @Test
    void searchFoldsAccentsAndCaseOnVirtuosoToo() throws Exception {
        HttpResponse<String> r = get(app, "api/search?q=" + enc("TRAVAIL fantome"), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonArray results = JSON.parse(r.body()).get("results").getAsArray();
        assertFalse(results.isEmpty(), r.body());
        assertEquals(GHOST_WORK, results.get(0).getAsObject().getString("iri"), r.body());
    }

    @Test
    void everyPageAScholarReachesFromHomeReadsAsOnTheEmbeddedStore() throws Exception {
        try (TestServer embedded = TestServer.start()) {
            SiteWalk.Result walk = SiteWalk.walk(embedded.server, app, 60);
            assertTrue(walk.visited().size() >= 40, "the walk reached " + walk.visited().size() + " pages: " + walk.visited());
            assertEquals(List.of(), walk.differences(), "pages that differ between the embedded store and Virtuoso");
        }
    }

    @Test
    void reconciliationAndFragmentsAnswerAsOnTheEmbeddedStore() throws Exception {
        String byIdentifier = "{\"isbn\": {\"query\": \"\", \"properties\": [{\"pid\": \"isbn\", \"v\": \"978-1-328-56624-9\"}]}}";
        // By name, candidates come from each store's search, which may propose other weaker ones: the certain match agrees.
        String byName = "{\"name\": {\"query\": \"Ghost work\", \"type\": \"concept\"}}";
        String ghostWork = TestServer.enc(LG.CONCEPT_NS + "ghost-work");
        try (TestServer embedded = TestServer.start()) {
            LabourgraphServer here = embedded.server;
            String path = "/reconcile?queries=" + TestServer.enc(byIdentifier);
            assertEquals(ExternalInteropTest.body(SiteWalk.get(here, path), here), ExternalInteropTest.body(SiteWalk.get(app, path), app), path);
            String named = "/reconcile?queries=" + TestServer.enc(byName);
            var best = JSON.parse(ExternalInteropTest.body(SiteWalk.get(here, named), here)).get("name").getAsObject()
                    .get("result").getAsArray().get(0);
            assertTrue(best.getAsObject().get("match").getAsBoolean().value(), "a certain match on the embedded store: " + best);
            assertEquals(best, JSON.parse(ExternalInteropTest.body(SiteWalk.get(app, named), app)).get("name").getAsObject()
                    .get("result").getAsArray().get(0));
            for (String fragment : List.of("/fragments?subject=" + ghostWork, "/fragments?object=" + ghostWork)) {
                Graph a = ExternalInteropTest.turtle(ExternalInteropTest.body(SiteWalk.get(here, fragment, "Accept", "text/turtle"), here));
                Graph b = ExternalInteropTest.turtle(ExternalInteropTest.body(SiteWalk.get(app, fragment, "Accept", "text/turtle"), app));
                assertTrue(IsoMatcher.isomorphic(a, b), fragment + ": the same triples, count and links");
            }
        }
    }

    @Test
    void theSitemapAndTheDatasetDescriptionAnswerAsOnTheEmbeddedStore() throws Exception {
        try (TestServer embedded = TestServer.start()) {
            LabourgraphServer here = embedded.server;
            String sitemap = ExternalInteropTest.withoutDates(ExternalInteropTest.body(SiteWalk.get(here, "/sitemap.xml"), here));
            assertTrue(sitemap.contains("ORIGIN/doc/concept/ghost-work</loc>"), sitemap);
            assertEquals(sitemap, ExternalInteropTest.withoutDates(ExternalInteropTest.body(SiteWalk.get(app, "/sitemap.xml"), app)));
            Graph counted = ExternalInteropTest.description(here);
            Graph there = ExternalInteropTest.description(app);
            long objectsHere = distinctObjects(counted);
            long objectsThere = distinctObjects(there);
            // Virtuoso keeps a literal by its value: 2.0 (decimal) and 2 (integer), or true and 1, are one object there.
            assertTrue(objectsThere > 0 && objectsThere <= objectsHere, objectsThere + " distinct objects on Virtuoso, " + objectsHere + " here");
            Node distinctObjects = NodeFactory.createURI("http://rdfs.org/ns/void#distinctObjects");
            Stream.of(counted, there).forEach(g -> g.find(Node.ANY, distinctObjects, Node.ANY).toList().forEach(g::delete));
            assertTrue(IsoMatcher.isomorphic(counted, there), "the same description but for its date; on Virtuoso:\n"
                    + org.apache.jena.riot.RDFWriter.source(there).lang(Lang.TURTLE).asString());
        }
    }

    private static long distinctObjects(Graph description) {
        return description.find(NodeFactory.createURI(LG.DEFAULT_BASE + "dataset"), NodeFactory.createURI("http://rdfs.org/ns/void#distinctObjects"),
                Node.ANY).nextOptional().map(t -> ((Number) t.getObject().getLiteralValue()).longValue()).orElse(-1L);
    }

    @Test
    void aDirectPostIsNeverAnsweredSoQueriesGoByGet() {
        RemoteSparqlService store = new RemoteSparqlService(settings().remote().orElseThrow(), Duration.ofSeconds(30));
        assertFalse(store.preferDirectPost(), "Virtuoso 7 answered an application/sparql-query POST");
        assertEquals(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm, store.sendMode());
    }

    @Test
    void everyDumpHoldsTheStatementsOfTheEmbeddedSitesDump() throws Exception {
        try (TestServer embedded = TestServer.start()) {
            // What Virtuoso holds is not quite what was sent: booleans as 1/0, language tags lower-cased, a whole decimal as
            // an integer (2.0 → 2), a string that spells an http(s) IRI as that IRI. Both sides compared in its spelling.
            assertEquals(List.of(), DumpComparison.differences(embedded.server, app, ExternalVirtuosoTest::asVirtuosoSpellsIt),
                    "dumps that differ between the embedded store and Virtuoso");
        }
    }

    @Test
    void aDumpThatDoesNotExistIs404() throws Exception {
        HttpResponse<String> r = get(app, "dumps/labourgraph.xml", "text/plain");
        assertEquals(404, r.statusCode(), r.body());
    }

    /** A literal as Virtuoso answers it: booleans as 1 or 0, language tags lower-cased, whole decimals, IRI strings. */
    private static Node asVirtuosoSpellsIt(Node n) {
        if (!n.isLiteral()) {
            return n;
        }
        String dt = n.getLiteralDatatypeURI();
        if (org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI().equals(dt)
                && n.getLiteralLexicalForm().matches("https?://\\S+")) {
            return NodeFactory.createURI(n.getLiteralLexicalForm());
        }
        if (org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal.getURI().equals(dt)) {
            java.math.BigDecimal v = new java.math.BigDecimal(n.getLiteralLexicalForm().strip());
            if (v.stripTrailingZeros().scale() <= 0) {
                return NodeFactory.createLiteralDT(v.toBigIntegerExact().toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
            }
        }
        // Virtuoso keeps a boolean as the number 1 or 0 and gives the number back typed either way ("1"^^xsd:positiveInteger
        // comes back "1"^^xsd:boolean): booleans and integers are compared as integers.
        if (org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean.getURI().equals(dt)) {
            String v = n.getLiteralLexicalForm().strip();
            return NodeFactory.createLiteralDT(v.equals("true") || v.equals("1") ? "1" : "0",
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        }
        if (dt != null && dt.matches("http://www\\.w3\\.org/2001/XMLSchema#(\\w*Integer|(unsigned)?(Int|int|Long|long|Short|short|Byte|byte))")) {
            return NodeFactory.createLiteralDT(n.getLiteralLexicalForm().strip(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        }
        String lang = n.getLiteralLanguage();
        return lang == null || lang.isEmpty() ? n
                : NodeFactory.createLiteralLang(n.getLiteralLexicalForm(), lang.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void searchIsDetectedAsVirtuosoAndAsksItsFreeTextIndex() {
        RemoteSparqlSearch search = new RemoteSparqlSearch(new RemoteSparqlService(settings().remote().orElseThrow(), Duration.ofSeconds(30)));
        assertEquals(SearchDialect.VIRTUOSO, search.dialect());
    }

    @Test
    void aWholeWordIsFoundThroughTheIndexAndMidWordTextThroughThePortableQuery() throws Exception {
        // Two concepts of this test only: one with the word, one with it inside a longer word. The portable query
        // would find both for "zorblax"; Virtuoso's index finds the word only, so one hit shows the index answered.
        // Whole concepts, as the shapes ask of a curator's write (labels and definitions in both languages, scheme,
        // source, a place in the hierarchy); only the labels hold the searched text.
        String insert = """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX lgc: <https://w3id.org/labourgraph/id/concept/>
                PREFIX lgn: <https://w3id.org/labourgraph/id/note/>
                INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/test-search> {
                  lgc:zorblax-a a skos:Concept ; skos:prefLabel "zorblax ahead"@en, "zorblax devant"@fr ;
                    skos:definition "A concept of a search test."@en, "Un concept d'un essai de recherche."@fr ;
                    skos:inScheme lgc:scheme ; dcterms:source lgn:CuDk_xb7q0uXBEV4X_ekAxRe9-E ; skos:broader lgc:digital-labour .
                  lgc:zorblax-b a skos:Concept ; skos:prefLabel "prezorblax behind"@en, "prezorblax derriere"@fr ;
                    skos:definition "Another concept of a search test."@en, "Un autre concept d'un essai de recherche."@fr ;
                    skos:inScheme lgc:scheme ; dcterms:source lgn:CuDk_xb7q0uXBEV4X_ekAxRe9-E ; skos:broader lgc:digital-labour .
                } }""";
        HttpResponse<String> w = post(writableApp, "update", "application/sparql-update", insert, null, curator());
        assertEquals(200, w.statusCode() / 100 * 100, w.statusCode() + " " + w.body());
        try {
            searchesByIndexAndFallback();
        } finally {
            // Gone again: the page walk compares the site with the shipped data.
            HttpResponse<String> drop = post(writableApp, "update", "application/sparql-update",
                    "DROP SILENT GRAPH <" + LG.GRAPH_NS + "test-search>", null, curator());
            assertEquals(200, drop.statusCode() / 100 * 100, drop.statusCode() + " " + drop.body());
        }
    }

    private static void searchesByIndexAndFallback() throws Exception {
        virtuoso.indexText();
        // Searched through the front-end that wrote the new graph: it lists the data graphs again at once.
        assertEquals(List.of(LG.CONCEPT_NS + "zorblax-a"), searchIris(writableApp, "zorblax"), "the index matches whole words and word starts");
        assertEquals(Set.of(LG.CONCEPT_NS + "zorblax-a", LG.CONCEPT_NS + "zorblax-b"), Set.copyOf(searchIris(writableApp, "rblax")),
                "text inside words: the index has nothing, the portable query answers");
    }

    private static List<String> searchIris(String q) throws Exception {
        return searchIris(app, q);
    }

    private static List<String> searchIris(LabourgraphServer through, String q) throws Exception {
        HttpResponse<String> r = get(through, "api/search?q=" + enc(q), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("results").getAsArray().stream()
                .map(o -> o.getAsObject().getString("iri")).toList();
    }

    // ------------------------------------------------------------------ writes

    @Test
    void updateLoadIsRefusedEvenForACurator() throws Exception {
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", "LOAD <file:///etc/passwd>", null, curator());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("LOAD"), r.body());
    }

    @Test
    void anAnonymousUpdateGets401AndChangesNothing() throws Exception {
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", insertData("anonymous"), null, null);
        assertEquals(401, r.statusCode(), r.body());
        assertFalse(askTestTriple("anonymous"));
    }

    @Test
    void aCuratorsUpdateIsForwardedToVirtuoso() throws Exception {
        assertFalse(askTestTriple("curated"), "not there before");
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", insertData("curated"), null, curator());
        assertEquals(200, r.statusCode() / 100 * 100, r.statusCode() + " " + r.body());
        // Asked through the front-end that forwarded the write: it lists the store's data graphs again at once (the
        // write made a new one); another front-end sees the new graph within RemoteDataGraphs' 10 s.
        try {
            assertTrue(askTestTriple(writableApp, "curated"));
        } finally {
            // Gone again: the dumps are compared with the shipped data.
            HttpResponse<String> drop = post(writableApp, "update", "application/sparql-update",
                    "DROP SILENT GRAPH <" + LG.GRAPH_NS + "test-writes>", null, curator());
            assertEquals(200, drop.statusCode() / 100 * 100, drop.statusCode() + " " + drop.body());
        }
    }

    @Test
    void aCuratorsNewNarrowerConceptIsInTheHierarchysClosureOnVirtuosoTooAndLeavesItWhenDropped() throws Exception {
        assertFalse(ask(writableApp, NEW_CONCEPT_IN_CLOSURE));
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", ADD_NEW_CONCEPT, null, curator());
        assertEquals(200, r.statusCode(), r.body());
        try {
            assertTrue(ask(writableApp, NEW_CONCEPT_IN_CLOSURE), "content moderation sits under ghost work, under digital labour");
        } finally {
            HttpResponse<String> drop = post(writableApp, "update", "application/sparql-update", DROP_TEST_ENTAILMENTS_GRAPH, null,
                    curator());
            assertEquals(200, drop.statusCode(), drop.body());
        }
        assertFalse(ask(writableApp, NEW_CONCEPT_IN_CLOSURE), "the entailed links went with the link they came from");
    }

    @Test
    void aPastVersionReadsVirtuosoWithTheLaterRevisionsUndoneAndARevertTakesTheEditBack() throws Exception {
        String label = "virtuoso memento test";
        String doc = "doc/concept/ghost-work";
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", "INSERT DATA { GRAPH <" + LG.GRAPH_NS
                + "test-memento> { <" + LG.CONCEPT_NS + "ghost-work> <http://www.w3.org/2004/02/skos/core#altLabel> \""
                + label + "\"@en } }", null, curator());
        assertEquals(200, r.statusCode(), r.body());
        long edit = JSON.parse(get(writableApp, "changes.json", "application/json").body()).get("head").getAsNumber().value().longValue();
        HttpResponse<String> revert = post(writableApp, "history/revert?rev=" + edit, "text/plain", "", "application/json", curator());
        assertEquals(200, revert.statusCode(), revert.body());
        long reverted = JSON.parse(revert.body()).get("revision").getAsNumber().value().longValue();
        assertFalse(get(writableApp, doc, "text/html").body().contains(label), "the revert took the label away");

        HttpResponse<String> atEdit = get(writableApp, doc + "?rev=" + edit, "text/html");
        assertEquals(200, atEdit.statusCode(), atEdit.body());
        assertTrue(atEdit.body().contains(label), "the page as it stood at the edit, the revert undone");
        // The mapping record to DBpedia is a blank node: its source's name comes with the lookup that met it.
        assertTrue(atEdit.body().contains("class=\"source\">DBpedia<"), "the past version's mapping records");
        HttpResponse<String> atRevert = get(writableApp, doc + "?rev=" + reverted, "text/html");
        assertFalse(atRevert.body().contains(label), "the page as the revert left it");
    }

    /** Fixed requests of the closure test (the shipped data's IRIs and the test's own graph; nothing pasted in). */
    private static final String NEW_CONCEPT_IN_CLOSURE = """
            ASK { <https://w3id.org/labourgraph/id/concept/virtuoso-entailment-test>
                    <http://www.w3.org/2004/02/skos/core#broaderTransitive> <https://w3id.org/labourgraph/id/concept/digital-labour> }""";
    private static final String ADD_NEW_CONCEPT = """
            INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/test-entailments> {
              <https://w3id.org/labourgraph/id/concept/virtuoso-entailment-test>
                  <http://www.w3.org/2004/02/skos/core#broader> <https://w3id.org/labourgraph/id/concept/content-moderation> } }""";
    private static final String DROP_TEST_ENTAILMENTS_GRAPH = "DROP SILENT GRAPH <https://w3id.org/labourgraph/graph/test-entailments>";

    private static boolean ask(LabourgraphServer through, String ask) throws Exception {
        HttpResponse<String> r = get(through, "sparql?query=" + enc(ask), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }

    private static String insertData(String marker) {
        return "INSERT DATA { GRAPH <" + LG.GRAPH_NS + "test-writes> { <urn:labourgraph:test> <urn:labourgraph:marker> \""
                + marker + "\" } }";
    }

    /** Asked through the read-only app: is the test triple with this marker in Virtuoso? */
    private static boolean askTestTriple(String marker) throws Exception {
        return askTestTriple(app, marker);
    }

    private static boolean askTestTriple(LabourgraphServer through, String marker) throws Exception {
        return ask(through, "ASK { <urn:labourgraph:test> <urn:labourgraph:marker> \"" + marker + "\" }");
    }

    private static String curator() {
        return AppHttp.basic(CURATOR, CURATOR_PASSWORD);
    }
}
