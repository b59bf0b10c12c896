package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.labourgraph.model.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search against an external SPARQL 1.1 endpoint. At the first search probes ask whether the store is Virtuoso
 * (search-detect-virtuoso.rq) or has a jena-text index of the labels (search-detect-jena-text.rq); if so that
 * index answers first (search-virtuoso.rq, bif:contains; search-jena-text.rq, text:query), and the portable query
 * search-fallback.rq runs when it finds nothing (no index, mid-word text). Any other store gets the portable
 * query alone: every word of the user's text in folded labels, alternative labels and
 * definitions, ranked like the text-index search. The user's words are folded here exactly as the queries
 * fold the data (lower case, the same accent table, punctuation as a space) and passed as values only.
 */
public final class RemoteSparqlSearch implements Search {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSparqlSearch.class);
    /** Beyond this many distinct words a query adds cost and no precision. */
    static final int MAX_WORDS = 12;
    /** Virtuoso refuses a word prefix (word*) shorter than this; a shorter word is asked for whole. */
    static final int MIN_PREFIX = 4;
    private static final Query DETECT_VIRTUOSO = QueryLibrary.load("search-detect-virtuoso.rq", Syntax.syntaxSPARQL_11);
    private static final Query SEARCH_VIRTUOSO = QueryLibrary.load("search-virtuoso.rq", Syntax.syntaxSPARQL_11);
    private static final Query PROBE_WORD = QueryLibrary.load("search-probe-word.rq", Syntax.syntaxSPARQL_11);
    private static final Query DETECT_JENA_TEXT = QueryLibrary.load("search-detect-jena-text.rq", Syntax.syntaxARQ);
    private static final Query SEARCH_JENA_TEXT = QueryLibrary.load("search-jena-text.rq", Syntax.syntaxARQ);
    /** How many index hits (one per matching text) the jena-text query takes before folding and ranking. */
    static final int TEXT_HITS = 1000;
    private static final Var WORD = Var.alloc("word");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The accent table of search-fallback.rq, in the same order: a regex class and what it becomes. */
    private static final String[][] FOLDS = {
        {"[àáâãäå]", "a"}, {"ç", "c"}, {"[èéêë]", "e"}, {"[ìíîï]", "i"}, {"ñ", "n"},
        {"[òóôõö]", "o"}, {"[ùúûü]", "u"}, {"[ýÿ]", "y"}, {"œ", "oe"}, {"æ", "ae"},
    };

    private final RemoteSparqlService service;
    /** Null until the first search has probed the store. */
    private volatile SearchDialect dialect;

    public RemoteSparqlSearch(RemoteSparqlService service) {
        this.service = service;
        LOG.info("Search on {} runs as SPARQL queries (no embedded text index); the first search asks the store whether it"
                + " has a text index labourgraph can use (Virtuoso's bif:contains), else a portable query (case- and"
                + " accent-insensitive for the common Latin accents, every word must match).", service.endpoint().query());
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        List<String> words = words(request.text());
        SearchDialect d = dialect();
        if (d != SearchDialect.PORTABLE) {
            BindingBuilder index = BindingFactory.builder();
            if (d == SearchDialect.VIRTUOSO) {
                index.add(Var.alloc("textQuery"), NodeFactory.createLiteralString(textQuery(words)));
            } else {
                index.add(Var.alloc("luceneQuery"), NodeFactory.createLiteralString(luceneQuery(words)))
                        .add(Var.alloc("hitLimit"), NodeFactory.createLiteralDT(Integer.toString(TEXT_HITS), XSDDatatype.XSDinteger));
            }
            try {
                List<SearchHit> hits = run(d == SearchDialect.VIRTUOSO ? SEARCH_VIRTUOSO : SEARCH_JENA_TEXT, words, request,
                        Optional.of(index.build()));
                if (!hits.isEmpty()) {
                    return hits;
                }
            } catch (HttpException | QueryException e) {
                if (e instanceof QueryCancelledException) {
                    throw new SearchUnavailableException("The search took too long and was stopped; try more specific words.", e);
                }
                LOG.debug("The {} text-index search failed ({}); the portable query answers instead.", d, e.getMessage());
            }
        }
        // Virtuoso's regular expressions match an accented letter in a class byte by byte: no prefilter there.
        String prefilter = d == SearchDialect.VIRTUOSO ? "" : prefilter(words);
        return run(QueryLibrary.SEARCH_FALLBACK, words, request,
                Optional.of(BindingFactory.binding(Var.alloc("prefilter"), NodeFactory.createLiteralString(prefilter))));
    }

    /** The store's dialect, probed at the first call and then kept (a store that cannot be reached is asked again next time). */
    public SearchDialect dialect() {
        SearchDialect known = dialect;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (dialect == null) {
                Optional<SearchDialect> probed = probe();
                if (probed.isEmpty()) {
                    return SearchDialect.PORTABLE;
                }
                dialect = probed.get();
                if (dialect == SearchDialect.JENA_TEXT) {
                    LOG.info("Search dialect: jena-text. {} answers text:query from a jena-text index of skos:prefLabel:"
                            + " /api/search asks it first (prefLabel, altLabel, hiddenLabel, definition) and the portable query"
                            + " when that finds nothing.", service.endpoint().query());
                } else if (dialect == SearchDialect.VIRTUOSO) {
                    LOG.info("Search dialect: virtuoso. {} is Virtuoso: /api/search asks its free-text index (bif:contains)"
                            + " first and the portable query when that finds nothing. Its index folds accents only with"
                            + " XAnyNormalization = 3 in the [I18N] section of virtuoso.ini.", service.endpoint().query());
                } else {
                    LOG.info("Search dialect: portable. {} has no text index labourgraph knows how to ask: /api/search sends"
                            + " the portable SPARQL query (slower than a text index on large graphs).", service.endpoint().query());
                }
            }
            return dialect;
        }
    }

    /** The store's dialect, or empty when the store did not answer (then nothing is decided yet). */
    private Optional<SearchDialect> probe() {
        try (QueryExecHTTP exec = service.queryExec(DETECT_VIRTUOSO).sendMode(QuerySendMode.asGetWithLimitForm).build()) {
            boolean virtuoso = false;
            for (RowSet rows = exec.select(); rows.hasNext(); ) {
                Node engine = rows.next().get(Var.alloc("engine"));
                virtuoso |= engine != null && engine.isLiteral() && engine.getLiteralLexicalForm().equals("virtuoso");
            }
            if (virtuoso) {
                return Optional.of(SearchDialect.VIRTUOSO);
            }
        } catch (QueryExceptionHTTP e) {
            // Refused (400: the store's parser knows no bif: function) means not Virtuoso; no answer decides nothing.
            if (e.getStatusCode() / 100 != 4) {
                return Optional.empty();
            }
        } catch (HttpException | QueryException e) {
            return Optional.empty();
        }
        return probeJenaText();
    }

    /** Jena-text or portable: does text:query find a resource for a word the store's labels hold? Empty when the store did not answer. */
    private Optional<SearchDialect> probeJenaText() {
        try {
            Optional<Node> word;
            try (QueryExecHTTP exec = service.queryExec(PROBE_WORD).sendMode(QuerySendMode.asGetWithLimitForm).build()) {
                RowSet rows = exec.select();
                word = rows.hasNext() ? Optional.ofNullable(rows.next().get(Var.alloc("word"))) : Optional.empty();
            }
            if (word.isEmpty()) {
                return Optional.of(SearchDialect.PORTABLE);
            }
            Binding value = BindingFactory.binding(Var.alloc("word"), word.get());
            try (QueryExecHTTP exec = service.queryExec(DETECT_JENA_TEXT).substitution(value)
                    .sendMode(QuerySendMode.asGetWithLimitForm).build()) {
                RowSet rows = exec.select();
                boolean found = rows.hasNext() && rows.next().get(Var.alloc("resource")) != null;
                return Optional.of(found ? SearchDialect.JENA_TEXT : SearchDialect.PORTABLE);
            }
        } catch (QueryExceptionHTTP e) {
            // Refused (4xx: the store cannot run text:query) means no jena-text; no answer decides nothing.
            return e.getStatusCode() / 100 == 4 ? Optional.of(SearchDialect.PORTABLE) : Optional.empty();
        } catch (HttpException | QueryException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code template} with the words and {@code bound} (what else it asks: the index expression, the prefilter). */
    private List<SearchHit> run(Query template, List<String> words, SearchRequest request, Optional<Binding> bound) {
        boolean portable = template == QueryLibrary.SEARCH_FALLBACK;
        Query query = withWords(template, words);
        BindingBuilder values = BindingFactory.builder()
                .add(Var.alloc("phrase"), NodeFactory.createLiteralString(String.join(" ", words)))
                .add(Var.alloc("wordCount"), NodeFactory.createLiteralDT(Integer.toString(words.size()), XSDDatatype.XSDinteger))
                .add(Var.alloc("wantedLang"), NodeFactory.createLiteralString(request.language().orElse("")));
        bound.ifPresent(values::addAll);
        try (QueryExecHTTP exec = service.queryExec(query).substitution(values.build())
                // A long query goes as an HTML form, never as a direct POST (application/sparql-query): Virtuoso 7
                // never answers the latter, and every SPARQL 1.1 service must take the former.
                .sendMode(QuerySendMode.asGetWithLimitForm).build()) {
            return SearchRanking.rank(exec.select(), request);
        } catch (QueryCancelledException e) {
            throw new SearchUnavailableException("The search took too long and was stopped; try more specific words.", e);
        } catch (HttpException | QueryException e) {
            if (!portable) {
                throw e;
            }
            if (QueryRunner.timedOut(e)) {
                // The portable query reads every label and definition: on a large store, more words do not make it faster.
                throw new SearchUnavailableException("The search ran past this server's time limit of "
                        + service.timeout().toSeconds() + " s on the SPARQL service behind it, which has no text index this"
                        + " server can use: without one, a search reads every label and definition of the store. An operator"
                        + " can give the store a text index (jena-text on Fuseki, or Virtuoso's) or raise --query-timeout.", e);
            }
            throw new SearchUnavailableException("The SPARQL service behind this server did not answer the search ("
                    + e.getMessage() + "); try again later.", e);
        }
    }

    /** Virtuoso's free-text expression: every word, as a prefix where it is long enough ("fantome*"), all required. */
    static String textQuery(List<String> words) {
        return String.join(" AND ", words.stream().map(w -> "\"" + w + (w.length() >= MIN_PREFIX ? "*" : "") + "\"").toList());
    }

    /** The Lucene query of the jena-text dialect: every word required, as a prefix ("+travail* +fantome*"). */
    static String luceneQuery(List<String> words) {
        return String.join(" ", words.stream().map(w -> "+" + w + "*").toList());
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

    /**
     * A regular expression that every text whose fold holds the longest of {@code words} matches once lower-cased:
     * each letter as the class of the letters that fold to it ("e" → [eèéêë]), "oe" and "ae" also as œ and æ. A
     * necessary condition only: search-fallback.rq still folds and compares what passes it.
     */
    static String prefilter(List<String> words) {
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElse("");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < longest.length(); i++) {
            char c = longest.charAt(i);
            String ligature = longest.startsWith("oe", i) ? "œ" : longest.startsWith("ae", i) ? "æ" : null;
            if (ligature != null) {
                regex.append("(?:").append(foldingTo(c)).append(foldingTo('e')).append('|').append(ligature).append(')');
                i++;
            } else {
                regex.append(foldingTo(c));
            }
        }
        return regex.toString();
    }

    /** The letters that fold to {@code c}, as a class, from the accent table; {@code c} alone if none. */
    private static String foldingTo(char c) {
        for (String[] f : FOLDS) {
            if (f[1].equals(String.valueOf(c))) {
                String accented = f[0].startsWith("[") ? f[0].substring(1, f[0].length() - 1) : f[0];
                return "[" + c + accented + "]";
            }
        }
        return String.valueOf(c);
    }

    /** The query with its empty {@code VALUES ?word { }} block filled with the words. */
    static Query withWords(Query template, List<String> words) {
        return QueryLibrary.withValues(template, WORD, words.stream().map(w -> (Node) NodeFactory.createLiteralString(w)).toList());
    }
}
