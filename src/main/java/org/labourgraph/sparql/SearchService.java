package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.labourgraph.model.SearchHit;

/**
 * Accent- and case-insensitive search over the text index: one SPARQL query (search.rq) with the user's
 * text escaped into a Lucene query and bound as a value, then ranking by field (label, then alternative
 * label, then definition), one hit per resource.
 */
public final class SearchService implements Search {
    /** Hits fetched from Lucene per result asked for: a resource can match on several labels. */
    private static final int HITS_PER_RESULT = 8;

    private final java.util.function.Supplier<QueryRunner> runners;

    /** A service for the API: each search runs on a fresh runner with the server's timeout. */
    public SearchService(DatasetGraph dataset, Duration timeout) {
        this.runners = () -> new QueryRunner(dataset, timeout);
    }

    /** A service counting its query on a page's runner. */
    public SearchService(QueryRunner runner) {
        this.runners = () -> runner;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return search(request, request.language());
    }

    /** As above, with labels shown in {@code display} (the page's language) whatever language matched. */
    @Override
    public List<SearchHit> search(SearchRequest request, Optional<String> display) {
        return search(request, display, false);
    }

    /** Hits on deprecated resources too, flagged {@code retired}: for reconciliation, which answers with their successors. */
    @Override
    public List<SearchHit> searchWithRetired(SearchRequest request) {
        return search(request, request.language(), true);
    }

    private List<SearchHit> search(SearchRequest request, Optional<String> display, boolean withRetired) {
        Map<String, Node> values = Map.of(
                "luceneQuery", NodeFactory.createLiteralString(luceneQuery(request.text())),
                "hitLimit", NodeFactory.createLiteralDT(Integer.toString(request.limit() * HITS_PER_RESULT),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger),
                "langArg", NodeFactory.createLiteralString(request.language().map(l -> "lang:" + l).orElse("nolang:")));
        return SearchRanking.rank(runners.get().select(QueryLibrary.SEARCH, values), request, display, withRetired);
    }

    /**
     * The user's words, each escaped (Lucene syntax in the input is text, never operators), the last one
     * also as a prefix so that the query works for autocomplete, and the whole as a phrase for exact matches.
     */
    static String luceneQuery(String text) {
        // Lower-cased: "AND", "OR" and "NOT" typed by a user are words, not Lucene operators.
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        List<String> escaped = new ArrayList<>();
        for (String w : words) {
            if (!w.isBlank()) {
                escaped.add(QueryParserBase.escape(w.strip()));
            }
        }
        if (escaped.isEmpty()) {
            throw new IllegalArgumentException("Parameter 'q' has no searchable word: send letters or digits.");
        }
        StringBuilder q = new StringBuilder();
        q.append('(').append(String.join(" ", escaped)).append(')');
        q.append(" OR \"").append(String.join(" ", escaped)).append("\"^3");
        String last = escaped.get(escaped.size() - 1);
        if (last.length() >= 2) {
            q.append(" OR ").append(last).append('*');
        }
        return q.toString();
    }
}
