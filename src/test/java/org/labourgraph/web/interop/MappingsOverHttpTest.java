package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.labourgraph.web.ServerTest;

/**
 * The links to other vocabularies on the machine-facing paths: the SSSOM mapping set at
 * /dumps/labourgraph-mappings.sssom.tsv (revalidated by ETag like every dump) and one void:Linkset per target
 * vocabulary and property in the VoID description, its triple count equal to the links counted live.
 */
class MappingsOverHttpTest extends ServerTest {
    private static final String PREFIXES = "PREFIX void: <http://rdfs.org/ns/void#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @Test
    void the_mapping_set_is_a_dump_with_one_row_per_recorded_link() throws Exception {
        HttpResponse<String> r = server.get("dumps/labourgraph-mappings.sssom.tsv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"), r.headers().toString());
        List<String> rows = r.body().lines().dropWhile(l -> l.startsWith("#")).skip(1).toList();
        long links = live("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/labourgraph/graph/alignments> {"
                + " ?m <http://www.w3.org/2002/07/owl#annotatedSource> ?s } }");
        assertEquals(links, rows.size(), r.body());
        assertTrue(r.body().contains("#mapping_set_id: '" + server.uri("") + "dumps/labourgraph-mappings.sssom.tsv'"), r.body());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, server.get("dumps/labourgraph-mappings.sssom.tsv", "If-None-Match", etag).statusCode());
    }

    @Test
    void void_lists_each_target_vocabulary_as_a_linkset_with_its_triple_count() throws Exception {
        Model voidModel = ModelFactory.createDefaultModel();
        RDFParser.fromString(server.get(".well-known/void", "Accept", "text/turtle").body(), Lang.TURTLE).parse(voidModel);
        Map<String, Long> described = new HashMap<>();
        try (QueryExecution q = QueryExecution.create(PREFIXES + "SELECT ?label ?p ?n WHERE { ?ls a void:Linkset ;"
                + " void:objectsTarget ?t ; void:linkPredicate ?p ; void:triples ?n . ?t rdfs:label ?label }", voidModel)) {
            q.execSelect().forEachRemaining(s -> described.put(key(s), s.getLiteral("n").getLong()));
        }
        assertEquals(3L, described.get("Wikidata https://schema.org/sameAs"), described::toString);
        assertEquals(2L, described.get("ISBN https://schema.org/isbn"), described::toString);
        assertEquals(1L, described.get("DBpedia http://www.w3.org/2004/02/skos/core#exactMatch"), described::toString);
        assertTrue(voidModel.contains(null, voidModel.createProperty("http://www.w3.org/ns/dcat#downloadURL"),
                voidModel.createResource(server.uri("") + "dumps/labourgraph-mappings.sssom.tsv")), "the mapping set is a distribution");
    }

    private static String key(QuerySolution s) {
        return s.getLiteral("label").getLexicalForm() + " " + s.getResource("p").getURI();
    }

    private static long live(String query) {
        try (QueryExecution q = QueryExecutionHTTP.service(server.uri("sparql").toString()).query(query).build()) {
            return q.execSelect().next().getLiteral("n").getLong();
        }
    }
}
