package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page costs at most three SPARQL queries whatever the number of its neighbours. Two counts must agree: what the
 * page reports in X-Labourgraph-Queries (its query runner's count) and what Jena itself executed while serving it
 * ({@link CountingQueryEngine}, which knows nothing of the runner), so a read that goes around the runner shows up as
 * a difference. Counts, never timings. The requests ask for a fresh render (Cache-Control: no-cache): a cached page
 * costs none (RenderedCacheTest). Every path exists in the shipped data: each page kind must answer 200.
 */
class PageQueriesTest extends ServerTest {
    private static CountingQueryEngine jena;

    @BeforeAll
    static void countJenaExecutions() {
        jena = CountingQueryEngine.install();
    }

    @ParameterizedTest(name = "{0} answers 200 and costs at most 3 queries, as many as it reports")
    @ValueSource(strings = {"", "doc/concept/digital-labour", "doc/concept/ghost-work", "doc/person/jonathan-durand-folco",
            "doc/work/ghost-work", "doc/work/facebook-post-2023-03-21", "doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E",
            "doc/notebook/reflexions-jonathan-durand-folco", "doc/category/intelligence-artificielle", "doc/place/global-south",
            "doc/organisation/praxis", "doc/product/chatgpt", "doc/tier/1", "doc/pay/prompt-engineer-annual-pay",
            "doc/concept/ghost-work.ttl", "doc/concept/ghost-work?in=http%3A%2F%2Fpurl.org%2Fdc%2Fterms%2Fsubject&after=",
            "hierarchy", "index", "index?letter=T", "map", "search?q=travail+fantome", "query",
            "ontology", "ontology.ttl", "ontology/0.1.0", "ontology/0.1.0.ttl",
            "cite/work/ghost-work.bib", "cite/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E.json",
            "history/concept/ghost-work", "changes", "changes.atom", "api/search?q=travail"})
    void a_page_costs_at_most_three_queries(String path) throws Exception {
        HttpResponse<String> r = fresh(path);
        assertEquals(200, r.statusCode(), path);
    }

    @Test
    void a_missing_resource_is_a_404_that_costs_no_more() throws Exception {
        assertEquals(404, fresh("doc/concept/no-such-thing").statusCode());
    }

    @ParameterizedTest(name = "{0}: the note with two dozen subjects costs one query, as a leaf concept does")
    @ValueSource(strings = {"doc/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E", "doc/concept/data-labelling",
            "doc/concept/ghost-work?in=http%3A%2F%2Fpurl.org%2Fdc%2Fterms%2Fsubject&after="})
    void the_number_of_neighbours_does_not_change_the_cost(String path) throws Exception {
        assertEquals("1", fresh(path).headers().firstValue(Responses.QUERY_COUNT).orElseThrow());
    }

    /** The page freshly rendered, once its reported count is checked against Jena's and against the limit of 3. */
    private static HttpResponse<String> fresh(String path) throws Exception {
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        long executed = jena.executionsDuring(() -> response.set(server.get(path, "Cache-Control", "no-cache")));
        HttpResponse<String> r = response.get();
        String reported = r.headers().firstValue(Responses.QUERY_COUNT)
                .orElseThrow(() -> new AssertionError(path + " (" + r.statusCode() + ") does not report its queries"));
        assertEquals(executed, Long.parseLong(reported), path + ": reports " + reported + " queries, Jena executed " + executed);
        assertTrue(executed <= 3, path + " ran " + executed + " queries");
        return r;
    }
}
