package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.labourgraph.vocab.LG;
import org.labourgraph.web.ServerTest;

/**
 * /reconcile matches a query that gives an external identifier as a property value — an ISBN, a Wikidata QID, an
 * IRI our resources state as the same thing — to the resource that states it (data/alignments.ttl), whatever the
 * query's text.
 */
class ReconcileByExternalIdTest extends ServerTest {

    private static JsonNode first(JsonNode results, String key) {
        JsonNode list = results.get(key).get("result");
        assertEquals(1, list.size(), key + ": " + results.get(key));
        return list.get(0);
    }

    @Test
    void an_isbn_a_qid_or_an_iri_reconciles_to_the_resource_that_states_it() throws Exception {
        String queries = """
                {"isbn": {"query": "", "properties": [{"pid": "isbn", "v": "978-1-328-56624-9"}]},
                 "qid": {"query": "Kenia", "properties": [{"pid": "wikidata", "v": "Q114"}]},
                 "iri": {"query": "whatever", "type": "concept",
                         "properties": [{"pid": "http://www.w3.org/2004/02/skos/core#exactMatch", "v": {"id": "http://dbpedia.org/resource/Ghost_work"}}]},
                 "schema": {"query": "", "properties": [{"pid": "https://schema.org/isbn", "v": "9780262017480"}]}}
                """;
        ReconcileSchemas.assertValid("reconciliation-query-batch.json", queries);
        JsonNode results = ReconciliationApiTest.batch(queries);
        for (String[] expected : new String[][] {{"isbn", "work/ghost-work"}, {"qid", "place/kenya"}, {"iri", "concept/ghost-work"},
                {"schema", "work/venture-labor"}}) {
            JsonNode hit = first(results, expected[0]);
            assertEquals(LG.ID_NS + expected[1], hit.get("id").asText(), expected[0]);
            assertTrue(hit.get("match").asBoolean(), expected[0] + " is a certain match: " + hit);
            assertEquals(100, hit.get("score").asInt(), expected[0]);
        }
    }

    @Test
    void an_unknown_or_malformed_identifier_matches_nothing() throws Exception {
        JsonNode results = ReconciliationApiTest.batch("""
                {"unknown": {"query": "", "properties": [{"pid": "isbn", "v": "9780000000002"}]},
                 "malformed": {"query": "", "properties": [{"pid": "wikidata", "v": "Kenya"}]},
                 "otherType": {"query": "", "type": "person", "properties": [{"pid": "wikidata", "v": "Q114"}]}}
                """);
        assertEquals(0, results.get("unknown").get("result").size(), results.toString());
        assertEquals(0, results.get("malformed").get("result").size(), results.toString());
        assertEquals(0, results.get("otherType").get("result").size(), results.toString());
    }

    @Test
    void a_text_query_without_identifier_is_reconciled_as_before() throws Exception {
        JsonNode hit = ReconciliationApiTest.batch("{\"k\": {\"query\": \"Kenya\"}}").get("k").get("result").get(0);
        assertEquals(LG.ID_NS + "place/kenya", hit.get("id").asText());
        assertFalse(hit.get("score").asText().isEmpty());
    }
}
