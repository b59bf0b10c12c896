package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.labourgraph.model.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search against an external SPARQL 1.1 endpoint, which has no text index: the portable query
 * search-fallback.rq, matching every word of the user's text in folded labels, alternative labels and
 * definitions, ranked like the text-index search. The user's words are folded here exactly as the query
 * folds the data (lower case, the same accent table, punctuation as a space) and passed as values only.
 */
public final class RemoteSparqlSearch implements Search {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSparqlSearch.class);
    /** Beyond this many distinct words a query adds cost and no precision. */
    static final int MAX_WORDS = 12;
    private static final Var WORD = Var.alloc("word");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The accent table of search-fallback.rq, in the same order: a regex class and what it becomes. */
    private static final String[][] FOLDS = {
        {"[àáâãäå]", "a"}, {"ç", "c"}, {"[èéêë]", "e"}, {"[ìíîï]", "i"}, {"ñ", "n"},
        {"[òóôõö]", "o"}, {"[ùúûü]", "u"}, {"[ýÿ]", "y"}, {"œ", "oe"}, {"æ", "ae"},
    };

    private final RemoteSparqlService service;

    public RemoteSparqlSearch(RemoteSparqlService service) {
        this.service = service;
        LOG.info("Search runs in SPARQL fallback mode: {} has no text index for labourgraph, so /api/search sends a portable"
                + " SPARQL query (case- and accent-insensitive for the common Latin accents, every word must match; slower"
                + " than the embedded text index on large graphs).", service.endpoint().query());
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        List<String> words = words(request.text());
        Query query = withWords(QueryLibrary.SEARCH_FALLBACK, words);
        Binding values = BindingFactory.builder()
                .add(Var.alloc("phrase"), NodeFactory.createLiteralString(String.join(" ", words)))
                .add(Var.alloc("wordCount"), NodeFactory.createLiteralDT(Integer.toString(words.size()), XSDDatatype.XSDinteger))
                .add(Var.alloc("wantedLang"), NodeFactory.createLiteralString(request.language().orElse("")))
                .build();
        try (QueryExecHTTP exec = service.queryExec(query).substitution(values)
                // A long query goes as an HTML form, never as a direct POST (application/sparql-query): Virtuoso 7
                // never answers the latter, and every SPARQL 1.1 service must take the former.
                .sendMode(QuerySendMode.asGetWithLimitForm).build()) {
            return SearchRanking.rank(exec.select(), request);
        } catch (QueryCancelledException e) {
            throw new SearchUnavailableException("The search took too long and was stopped; try more specific words.", e);
        } catch (HttpException | QueryException e) {
            throw new SearchUnavailableException("The SPARQL service behind this server did not answer the search ("
                    + e.getMessage() + "); try again later.", e);
        }
    }

    /** The distinct folded words of the user's text, in order, at most {@link #MAX_WORDS}. */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NOT_A_LETTER_OR_DIGIT.split(fold(text))) {
            if (!w.isEmpty() && words.size() < MAX_WORDS) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("Parameter 'q' has no searchable word: send letters or digits.");
        }
        return new ArrayList<>(words);
    }

    /** Lower case, then the accent table of search-fallback.rq. */
    static String fold(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        for (String[] f : FOLDS) {
            folded = folded.replaceAll(f[0], f[1]);
        }
        return folded;
    }

    /** The query with its empty {@code VALUES ?word { }} block filled with the words. */
    static Query withWords(Query template, List<String> words) {
        return QueryLibrary.withValues(template, WORD, words.stream().map(w -> (Node) NodeFactory.createLiteralString(w)).toList());
    }
}
