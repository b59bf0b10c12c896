package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /api/search: accent- and case-insensitive, ranked, language-filtered, safe with any input. */
class SearchApiTest extends ServerTest {
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";

    @ParameterizedTest(name = "\"{0}\" finds ghost work first")
    @ValueSource(strings = {"travail fantome", "Travail Fantôme", "TRAVAIL FANTÔME", "ghost work", "fantôm"})
    void accents_and_case_do_not_matter_and_ghost_work_ranks_first(String q) throws Exception {
        JsonArray results = search("q=" + TestServer.enc(q));
        assertTrue(results.size() > 0, "no result for " + q);
        JsonObject first = results.get(0).getAsObject();
        assertEquals(GHOST_WORK, first.getString("iri"));
        assertEquals("concept", first.getString("type"));
        assertEquals("label", first.getString("matchedField"));
    }

    @Test
    void alternative_labels_are_found_and_said_to_be_alternative() throws Exception {
        // Issue #22: "travailleurs du clic" is an alternative label of ghost work (tier 1's click workers).
        JsonObject first = search("q=" + TestServer.enc("travailleurs du clic")).get(0).getAsObject();
        assertEquals(GHOST_WORK, first.getString("iri"));
    }

    @Test
    void the_label_comes_in_the_requested_language() throws Exception {
        JsonObject fr = search("q=ghost+work&lang=fr").get(0).getAsObject();
        assertEquals("travail fantôme", fr.getString("label"));
        JsonObject en = search("q=ghost&lang=en").get(0).getAsObject();
        assertEquals("ghost work", en.getString("label"));
        JsonObject frByFrench = search("q=fantome&lang=fr").get(0).getAsObject();
        assertEquals("travail fantôme", frByFrench.getString("label"));
    }

    @Test
    void limit_caps_the_results() throws Exception {
        assertEquals(2, search("q=travail&limit=2").size());
    }

    @ParameterizedTest(name = "Lucene syntax in \"{0}\" is text: ghost work is still found first")
    @ValueSource(strings = {"travail fantôme*", "(travail fantôme)", "\"travail fantôme", "travail AND fantôme",
            "travail~ fantôme", "+travail -fantôme", "title:travail fantôme^9", "ghost OR work"})
    void lucene_syntax_around_a_label_is_text_and_the_label_is_found(String q) throws Exception {
        JsonArray results = search("q=" + TestServer.enc(q));
        assertTrue(results.size() > 0, "no result for " + q);
        assertEquals(GHOST_WORK, results.get(0).getAsObject().getString("iri"), q);
    }

    @ParameterizedTest(name = "\"{0}\" matches no label: 200 and an empty list")
    @ValueSource(strings = {"zqxvkj", "} ; DROP zqxvkj #", "~~~", "uri:* zqxvkj", "x) (graph:zqxvkj", "\"zqxvkj", "*zqxvkj*"})
    void text_that_matches_no_label_gives_an_empty_list(String q) throws Exception {
        JsonArray results = search("q=" + TestServer.enc(q));
        assertEquals(0, results.size(), q + " found " + results);
    }

    @Test
    void missing_or_bad_parameters_are_a_400_that_says_what_to_send() throws Exception {
        HttpResponse<String> noQ = server.get("api/search");
        assertEquals(400, noQ.statusCode());
        assertTrue(noQ.body().contains("'q' is required"), noQ.body());
        assertEquals(400, server.get("api/search?q=x&limit=5000").statusCode());
        assertEquals(400, server.get("api/search?q=x&limit=ten").statusCode());
        assertEquals(400, server.get("api/search?q=x&lang=de").statusCode());
    }

    private static JsonArray search(String params) throws Exception {
        HttpResponse<String> r = server.get("api/search?" + params);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("results").getAsArray();
    }
}
