package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.model.SearchHit;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.Search;
import org.labourgraph.sparql.SearchRequest;
import org.labourgraph.sparql.SearchService;
import org.labourgraph.sparql.SearchUnavailableException;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.MetricsFilter;
import org.labourgraph.web.site.Responses;

/**
 * {@code GET /api/search?q=&lang=&limit=}: JSON results for the search page and autocomplete, from whichever
 * {@link Search} the server runs (the text index, or the SPARQL fallback against an external endpoint).
 */
public final class SearchServlet extends HttpServlet {
    private final transient Search search;
    private final transient Supplier<QueryRunner> runners;

    /** Over an external service: one request, its queries not counted here. */
    public SearchServlet(Search search) {
        this.search = search;
        this.runners = null;
    }

    /** Over the embedded store: each search on a fresh runner, whose count goes out in X-Labourgraph-Queries. */
    public static SearchServlet local(DatasetGraph dataset, Duration timeout) {
        return new SearchServlet(() -> new QueryRunner(dataset, timeout));
    }

    private SearchServlet(Supplier<QueryRunner> runners) {
        this.search = null;
        this.runners = runners;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SearchRequest query;
        try {
            query = SearchRequest.of(request.getParameter("q"), request.getParameter("lang"), request.getParameter("limit"));
        } catch (IllegalArgumentException e) {
            JsonResponses.error(response, 400, e.getMessage());
            return;
        }
        List<SearchHit> hits;
        QueryRunner runner = runners == null ? null : runners.get();
        try {
            hits = runner == null ? search.search(query) : new SearchService(runner).search(query);
        } catch (IllegalArgumentException e) {
            JsonResponses.error(response, 400, e.getMessage());
            return;
        } catch (QueryCancelledException e) {
            MetricsFilter.markTimedOut(request);
            JsonResponses.error(response, 503, "The search took too long and was stopped; try more specific words.");
            return;
        } catch (SearchUnavailableException e) {
            JsonResponses.error(response, 503, e.getMessage());
            return;
        }
        if (runner != null) {
            response.setHeader(Responses.QUERY_COUNT, Integer.toString(runner.count()));
        }
        JsonObject body = new JsonObject();
        body.put("query", query.text());
        body.put("lang", query.language().orElse("any"));
        body.put("limit", query.limit());
        JsonArray results = new JsonArray();
        for (SearchHit hit : hits) {
            JsonObject r = new JsonObject();
            r.put("iri", hit.iri());
            r.put("label", hit.label());
            r.put("labelLang", hit.labelLang());
            r.put("labelFallback", hit.labelFallback());
            r.put("type", hit.kind().jsonName());
            r.put("score", org.apache.jena.atlas.json.JsonNumber.value(hit.score()));
            r.put("matched", hit.matchedText() == null ? "" : hit.matchedText());
            r.put("matchedField", hit.matchedField().jsonName());
            results.add(r);
        }
        body.put("results", results);
        JsonResponses.send(response, 200, body);
    }
}
