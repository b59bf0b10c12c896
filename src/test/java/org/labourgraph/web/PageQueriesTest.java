package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page costs at most three SPARQL queries whatever the number of its neighbours: the per-request counter
 * of the query runner (reported in X-Labourgraph-Queries) says how many ran — a count, never a timing. The
 * requests ask for a fresh render (Cache-Control: no-cache): a cached page costs none (RenderedCacheTest).
 */
class PageQueriesTest extends ServerTest {

    @ParameterizedTest(name = "{0} costs at most 3 queries")
    @ValueSource(strings = {"", "doc/concept/digital-labour", "doc/concept/ghost-work", "doc/person/jonathan-durand-folco",
            "doc/work/ghost-work", "doc/work/facebook-post-2023-03-21", "doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E",
            "doc/notebook/reflexions-jonathan-durand-folco", "doc/category/intelligence-artificielle", "doc/place/global-south",
            "doc/organisation/praxis", "doc/product/chatgpt", "doc/tier/1", "doc/pay/prompt-engineer-annual-pay",
            "doc/concept/ghost-work.ttl", "doc/concept/ghost-work?in=http%3A%2F%2Fpurl.org%2Fdc%2Fterms%2Fsubject&after=",
            "doc/concept/no-such-thing", "hierarchy", "index", "index?letter=T", "map", "search?q=travail+fantome", "query",
            "ontology", "cite/work/ghost-work.bib", "cite/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E.json"})
    void a_page_costs_at_most_three_queries(String path) throws Exception {
        HttpResponse<String> r = server.get(path, "Cache-Control", "no-cache");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + " " + r.statusCode());
        int queries = Integer.parseInt(r.headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
        assertTrue(queries <= 3, path + " ran " + queries + " queries");
    }

    @ParameterizedTest(name = "{0}: the note with two dozen subjects costs the same as a leaf concept")
    @ValueSource(strings = {"doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E", "doc/concept/data-labelling"})
    void the_number_of_neighbours_does_not_change_the_cost(String path) throws Exception {
        assertEquals("3", server.get(path, "Cache-Control", "no-cache").headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
    }
}
