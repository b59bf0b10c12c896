package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.TestServer;

/** The VoID/DCAT description is generated from the data: its counts equal what /sparql and the dumps say. */
class DatasetDescriptionTest {
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String NOT_ENTAILED = "FILTER(?g != <" + LG.GRAPH_NS + "entailments>)";
    static TestServer server;
    static Model voidModel;
    static Resource dataset;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        HttpResponse<String> r = server.get(".well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        voidModel = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(voidModel);
        dataset = voidModel.createResource(LG.DEFAULT_BASE + "dataset");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long voidNumber(Resource r, String property) {
        return r.getRequiredProperty(voidModel.createProperty(VOID + property)).getLong();
    }

    static long sparqlCount(String query) {
        try (QueryExecution q = QueryExecutionHTTP.service(server.uri("sparql").toString()).query(query).build()) {
            QuerySolution s = q.execSelect().next();
            return s.getLiteral("n").getLong();
        }
    }

    @Test
    void void_triples_equals_the_distinct_asserted_triples_counted_live_over_sparql() {
        long live = sparqlCount("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                + NOT_ENTAILED + " } }");
        assertEquals(live, voidNumber(dataset, "triples"));
    }

    @Test
    void void_triples_equals_the_number_of_triples_in_the_n_triples_dump() throws Exception {
        String nt = server.get("dumps/labourgraph.nt").body();
        long lines = nt.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        assertEquals(lines, voidNumber(dataset, "triples"));
    }

    @Test
    void void_entities_subjects_objects_and_properties_equal_live_sparql_counts() {
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + NOT_ENTAILED
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + LG.ID_NS + "\")) }"), voidNumber(dataset, "entities"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + NOT_ENTAILED + " }"),
                voidNumber(dataset, "distinctSubjects"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + NOT_ENTAILED + " }"),
                voidNumber(dataset, "distinctObjects"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + NOT_ENTAILED + " }"),
                voidNumber(dataset, "properties"));
        assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } " + NOT_ENTAILED + " }"),
                voidNumber(dataset, "classes"));
    }

    @Test
    void every_class_and_property_partition_equals_its_live_count() {
        Property classPartition = voidModel.createProperty(VOID + "classPartition");
        Property propertyPartition = voidModel.createProperty(VOID + "propertyPartition");
        List<Resource> classes = dataset.listProperties(classPartition).mapWith(s -> s.getResource()).toList();
        assertFalse(classes.isEmpty());
        for (Resource p : classes) {
            String cls = p.getPropertyResourceValue(voidModel.createProperty(VOID + "class")).getURI();
            assertEquals(sparqlCount("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <" + cls + "> } " + NOT_ENTAILED + " }"),
                    voidNumber(p, "entities"), cls);
        }
        List<Resource> props = dataset.listProperties(propertyPartition).mapWith(s -> s.getResource()).toList();
        for (Resource p : props) {
            String prop = p.getPropertyResourceValue(voidModel.createProperty(VOID + "property")).getURI();
            assertEquals(sparqlCount("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s <" + prop
                    + "> ?o } " + NOT_ENTAILED + " } }"), voidNumber(p, "triples"), prop);
        }
    }

    @Test
    void the_description_names_the_endpoint_every_dump_the_uri_space_examples_vocabularies_and_licence() {
        String site = server.server.baseUrl();
        assertTrue(dataset.hasProperty(voidModel.createProperty(VOID + "sparqlEndpoint"), voidModel.createResource(site + "sparql")));
        for (String ext : List.of("ttl", "nt", "nq", "trig", "jsonld", "rdf", "brf")) {
            Resource dump = voidModel.createResource(site + "dumps/labourgraph." + ext);
            assertTrue(dataset.hasProperty(voidModel.createProperty(VOID + "dataDump"), dump), ext);
            assertTrue(voidModel.contains(null, voidModel.createProperty(DCAT + "downloadURL"), dump), "a DCAT distribution for " + ext);
        }
        assertEquals(LG.ID_NS, dataset.getProperty(voidModel.createProperty(VOID + "uriSpace")).getString());
        assertTrue(dataset.hasProperty(voidModel.createProperty(VOID + "exampleResource"), voidModel.createResource(LG.TOP_CONCEPT_IRI)));
        assertTrue(dataset.hasProperty(voidModel.createProperty(VOID + "vocabulary"),
                voidModel.createResource("http://www.w3.org/2004/02/skos/core#")));
        assertTrue(dataset.hasProperty(org.apache.jena.vocabulary.DCTerms.license,
                voidModel.createResource("https://creativecommons.org/licenses/by/4.0/")));
        assertTrue(dataset.hasProperty(org.apache.jena.vocabulary.RDF.type, voidModel.createResource(DCAT + "Dataset")));
    }

    @Test
    void dataset_is_served_by_content_negotiation_with_a_link_to_the_void_description() throws Exception {
        for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
            HttpResponse<String> r = server.get("dataset", "Accept", type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type);
            Model m = ModelFactory.createDefaultModel();
            RDFParser.create().source(new StringReader(r.body())).lang(org.apache.jena.riot.RDFLanguages.contentTypeToLang(type))
                    .base(server.server.baseUrl()).parse(m);
            assertTrue(m.size() > 50, type + " parses to a description");
        }
        HttpResponse<String> html = server.get("dataset", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("labourgraph.ttl"));
        assertTrue(html.headers().allValues("Link").stream().anyMatch(l -> l.contains("/.well-known/void") && l.contains("describedby")));
    }

    @Test
    void the_sitemap_lists_every_public_resource_page_and_the_semantic_sitemap_dataset() throws Exception {
        HttpResponse<String> r = server.get("sitemap.xml");
        assertEquals(200, r.statusCode());
        String site = server.server.baseUrl();
        String xml = r.body();
        assertTrue(xml.contains("<sc:dataset>") && xml.contains("<sc:sparqlEndpointLocation"), xml.substring(0, 600));
        assertTrue(xml.contains("<loc>" + site + "doc/concept/ghost-work</loc>"));
        Set<String> expected = new TreeSet<>();
        try (QueryExecution q = QueryExecutionHTTP.service(site + "sparql").query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } "
                + NOT_ENTAILED + " FILTER(STRSTARTS(STR(?s), \"" + LG.ID_NS + "\")) }").build()) {
            q.execSelect().forEachRemaining(s -> expected.add(site + "doc/" + s.getResource("s").getURI().substring(LG.ID_NS.length())));
        }
        Set<String> listed = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(expected, listed);
        HttpResponse<String> robots = server.get("robots.txt");
        assertTrue(robots.body().contains("Sitemap: " + site + "sitemap.xml"), robots.body());
    }
}
