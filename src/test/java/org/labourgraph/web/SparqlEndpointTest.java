package org.labourgraph.web;

import org.labourgraph.web.site.Responses;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labourgraph.web.endpoint.CappedQueryProcessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SPARQL 1.1 Protocol on /sparql, the union + entailment default graph, and the endpoint's refusals. */
class SparqlEndpointTest extends ServerTest {
    static final String PREFIXES = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX lg: <https://w3id.org/labourgraph/ontology#>
            PREFIX lgc: <https://w3id.org/labourgraph/id/concept/>
            """;
    static final String GHOST_WORK_LABEL = PREFIXES + "SELECT ?label WHERE { lgc:ghost-work skos:prefLabel ?label FILTER(lang(?label) = 'en') }";

    @ParameterizedTest(name = "SELECT with Accept {0} answers {1}")
    @CsvSource({
            "application/sparql-results+json, application/sparql-results+json, \"ghost work\"",
            "application/sparql-results+xml, application/sparql-results+xml, >ghost work<",
            "text/csv, text/csv, ghost work",
            "text/tab-separated-values, text/tab-separated-values, \"ghost work\"@en"})
    void select_results_come_in_the_format_asked_for(String accept, String mediaType, String expected) throws Exception {
        HttpResponse<String> r = server.query(GHOST_WORK_LABEL, accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType), r.headers().toString());
        assertTrue(r.body().contains(expected), r.body());
    }

    @ParameterizedTest(name = "CONSTRUCT with Accept {0}")
    @CsvSource({"text/turtle, text/turtle", "application/n-triples, application/n-triples",
            "application/ld+json, application/ld+json", "application/rdf+xml, application/rdf+xml"})
    void graphs_come_in_the_rdf_syntax_asked_for(String accept, String mediaType) throws Exception {
        HttpResponse<String> r = server.query(PREFIXES + "CONSTRUCT { lgc:ghost-work skos:prefLabel ?l } WHERE { lgc:ghost-work skos:prefLabel ?l }", accept);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
        assertTrue(r.body().contains("travail fant"), r.body());
    }

    @Test
    void a_result_many_times_the_response_buffer_arrives_whole_and_the_buffer_is_kilobytes_not_megabytes() throws Exception {
        // Fuseki main's 5 MiB buffer per response filled the direct-memory limit under load (see RESPONSE_BUFFER_BYTES).
        assertEquals(java.util.List.of(LabourgraphServer.RESPONSE_BUFFER_BYTES), server.server.responseBufferSizes());
        HttpResponse<String> all = server.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "text/csv");
        HttpResponse<String> count = server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(200, all.statusCode());
        assertTrue(all.body().length() > 4 * LabourgraphServer.RESPONSE_BUFFER_BYTES, "a result bigger than the buffer: " + all.body().length());
        long rows = all.body().strip().split("\r?\n").length - 1;
        assertEquals(count.body().strip().split("\r?\n")[1].strip(), Long.toString(rows), "every row arrived");
    }

    @Test
    void form_post_and_direct_post_are_answered_like_get() throws Exception {
        HttpResponse<String> form = server.post("sparql", "application/x-www-form-urlencoded", "query=" + TestServer.enc(GHOST_WORK_LABEL),
                "Accept", "text/csv");
        HttpResponse<String> direct = server.post("sparql", "application/sparql-query", GHOST_WORK_LABEL, "Accept", "text/csv");
        assertEquals(200, form.statusCode(), form.body());
        assertEquals(200, direct.statusCode(), direct.body());
        assertEquals(form.body(), direct.body());
        assertTrue(direct.body().contains("ghost work"));
    }

    @Test
    void malformed_query_is_a_400_with_the_parser_message() throws Exception {
        HttpResponse<String> r = server.query("SELECT ?x WHERE { ?x ", "application/sparql-results+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().toLowerCase().contains("line 1"), r.body());
    }

    @Test
    void post_with_an_unsupported_media_type_is_a_415() throws Exception {
        HttpResponse<String> r = server.post("sparql", "text/plain", GHOST_WORK_LABEL);
        assertEquals(415, r.statusCode(), r.body());
    }

    @Test
    void update_sent_to_the_query_endpoint_is_refused() throws Exception {
        HttpResponse<String> r = server.get("sparql?update=" + TestServer.enc("DROP ALL"));
        assertTrue(r.statusCode() == 400 || r.statusCode() == 405, "status " + r.statusCode());
        assertTrue(server.query(GHOST_WORK_LABEL, "text/csv").body().contains("ghost work"), "data must be intact");
    }

    @Test
    void federated_service_is_refused_with_a_400_that_says_why() throws Exception {
        HttpResponse<String> r = server.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "text/csv");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("SERVICE"), r.body());
    }

    @Test
    void default_graph_is_the_union_of_the_sources_plus_entailments() throws Exception {
        // coinedIn ⊑ dcterms:source, coinedBy ⊑ prov:wasAttributedTo: standard terms find Gray and Suri's 2019 book.
        String coined = PREFIXES + """
                SELECT ?name WHERE {
                  ?c skos:prefLabel "ghost work"@en ; dcterms:source ?w ; prov:wasAttributedTo ?p .
                  ?w dcterms:issued ?year ; dcterms:creator ?p .
                  ?p foaf:name ?name FILTER(str(?year) = "2019")
                } ORDER BY ?name""";
        String csv = server.query(coined, "text/csv").body();
        assertTrue(csv.contains("Mary L. Gray") && csv.contains("Siddharth Suri"), csv);
        // skos:narrower stated or entailed from broader; broaderTransitive from the SKOS axioms; inverse properties.
        assertTrue(server.ask(PREFIXES + "ASK { lgc:digital-labour skos:narrowerTransitive lgc:content-moderation }"));
        assertTrue(server.ask(PREFIXES + "ASK { lgc:content-moderation skos:broaderTransitive lgc:digital-labour }"));
        // Issue #22: the editorial collections' members are not kinds of digital labour.
        assertFalse(server.ask(PREFIXES + "ASK { lgc:digital-labour skos:narrowerTransitive lgc:wage-labour }"));
        assertTrue(server.ask(PREFIXES + "ASK { ?gray foaf:name \"Mary L. Gray\" ; lg:coined lgc:ghost-work }"));
        assertTrue(server.ask(PREFIXES + "ASK { lgc:ghost-work lg:discussedIn ?work }"));
        // Each source file is also its own named graph.
        assertTrue(server.ask(PREFIXES + "ASK { GRAPH <https://w3id.org/labourgraph/graph/concepts> { lgc:ghost-work a skos:Concept } }"));
    }

    @Test
    void select_results_state_the_row_limit_and_allow_other_sites() throws Exception {
        HttpResponse<String> r = server.get("sparql?query=" + TestServer.enc(GHOST_WORK_LABEL), "Accept", "text/csv",
                "Origin", "https://library.example.org");
        assertEquals("10000", r.headers().firstValue(Responses.ROW_LIMIT_HEADER).orElse(""));
        assertTrue(r.headers().firstValue(Responses.TRUNCATED_HEADER).isEmpty());
        String allowed = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://library.example.org"), allowed);
        assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains(Responses.TRUNCATED_HEADER));
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "credentials are never shared cross-site");
    }

    @Test
    void home_page_and_health_answer_once_loaded() throws Exception {
        HttpResponse<String> home = server.get("");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("/sparql"));
        assertEquals(200, server.get("$/ping").statusCode());
        HttpResponse<String> health = server.get("health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\" : \"ok\""), health.body());
    }

    @Test
    void graph_store_protocol_reads_a_named_graph() throws Exception {
        HttpResponse<String> r = server.get("data?graph=" + TestServer.enc("https://w3id.org/labourgraph/graph/concepts"), "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("travail fantôme"), r.body().substring(0, Math.min(300, r.body().length())));
    }

    @Test
    void a_get_without_a_query_answers_the_service_description() throws Exception {
        HttpResponse<String> r = server.get("sparql", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(r.body().contains("sd:Service") && r.body().contains("sd:UnionDefaultGraph"), r.body());
        assertTrue(r.body().contains("https://w3id.org/labourgraph/graph/concepts"), "named graphs are listed");
    }
}
