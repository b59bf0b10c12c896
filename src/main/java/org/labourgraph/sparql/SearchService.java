package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
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

    private final DatasetGraph dataset;
    private final Duration timeout;

    public SearchService(DatasetGraph dataset, Duration timeout) {
        this.dataset = dataset;
        this.timeout = timeout;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Binding values = BindingFactory.builder()
                .add(var("luceneQuery"), NodeFactory.createLiteralString(luceneQuery(request.text())))
                .add(var("hitLimit"), NodeFactory.createLiteralDT(Integer.toString(request.limit() * HITS_PER_RESULT),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))
                .add(var("langArg"), NodeFactory.createLiteralString(request.language().map(l -> "lang:" + l).orElse("nolang:")))
                .build();
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(QueryLibrary.SEARCH)
                    .substitution(values).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                return SearchRanking.rank(exec.select(), request);
            }
        });
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

    private static org.apache.jena.sparql.core.Var var(String name) {
        return org.apache.jena.sparql.core.Var.alloc(name);
    }
}
