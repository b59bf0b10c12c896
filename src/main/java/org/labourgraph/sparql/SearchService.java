package org.labourgraph.sparql;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.labourgraph.model.ResourceKind;
import org.labourgraph.model.SearchHit;
import org.labourgraph.model.SearchHit.MatchField;

/**
 * Accent- and case-insensitive search over the text index: one SPARQL query (search.rq) with the user's
 * text escaped into a Lucene query and bound as a value, then ranking by field (label, then alternative
 * label, then definition), one hit per resource.
 */
public final class SearchService {
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

    public List<SearchHit> search(SearchRequest request) {
        return search(request, request.language());
    }

    /** As above, with labels shown in {@code display} (the page's language) whatever language matched. */
    public List<SearchHit> search(SearchRequest request, Optional<String> display) {
        Map<String, Node> values = Map.of(
                "luceneQuery", NodeFactory.createLiteralString(luceneQuery(request.text())),
                "hitLimit", NodeFactory.createLiteralDT(Integer.toString(request.limit() * HITS_PER_RESULT),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger),
                "langArg", NodeFactory.createLiteralString(request.language().map(l -> "lang:" + l).orElse("nolang:")));
        return rank(runners.get().select(QueryLibrary.SEARCH, values), request, display);
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

    private static List<SearchHit> rank(List<Binding> rows, SearchRequest request, Optional<String> display) {
        Map<String, Candidate> byResource = new LinkedHashMap<>();
        rows.forEach(row -> {
            Node resource = row.get("resource");
            if (resource == null || !resource.isURI()) {
                return;
            }
            Candidate c = byResource.computeIfAbsent(resource.getURI(), Candidate::new);
            Node prop = row.get("prop");
            Node matched = row.get("matched");
            Node score = row.get("score");
            if (matched != null && score != null) {
                MatchField field = fieldOf(prop);
                double weighted = ((Number) score.getLiteralValue()).doubleValue() * weight(field)
                        * closeness(matched.getLiteralLexicalForm(), request.text());
                if (weighted > c.score) {
                    c.score = weighted;
                    c.matched = matched.getLiteralLexicalForm();
                    c.field = field;
                }
            }
            Node type = row.get("type");
            if (type != null && type.isURI()) {
                ResourceKind k = ResourceKinds.of(type.getURI());
                if (k.ordinal() < c.kind.ordinal()) {
                    c.kind = k;
                }
            }
            Node label = row.get("label");
            if (label != null && label.isLiteral()) {
                c.offerLabel(label.getLiteralLexicalForm(), label.getLiteralLanguage(), display);
            }
        });
        return byResource.values().stream()
                .filter(c -> c.field != null)
                .sorted(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                        .thenComparing(c -> c.kind.ordinal()))
                .limit(request.limit())
                .map(c -> c.toHit(display))
                .toList();
    }

    private static MatchField fieldOf(Node prop) {
        if (prop == null) {
            return MatchField.LABEL;
        }
        if (prop.equals(SKOS.altLabel.asNode()) || prop.equals(SKOS.hiddenLabel.asNode())) {
            return MatchField.ALT_LABEL;
        }
        if (prop.equals(SKOS.definition.asNode()) || prop.getURI().endsWith("description")) {
            return MatchField.DEFINITION;
        }
        return MatchField.LABEL;
    }

    /** A label equal to what was typed beats one that merely contains it; one that starts with it comes next. */
    static double closeness(String matched, String typed) {
        String m = fold(matched);
        String t = fold(typed);
        if (m.equals(t)) {
            return 2.0;
        }
        return m.startsWith(t) ? 1.3 : 1.0;
    }

    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
    }

    private static double weight(MatchField field) {
        return switch (field) {
            case LABEL -> 4.0;
            case ALT_LABEL -> 3.0;
            case DEFINITION -> 1.0;
        };
    }

    /** Accumulates the rows of one resource. */
    private static final class Candidate {
        final String iri;
        double score = -1;
        String matched;
        MatchField field;
        ResourceKind kind = ResourceKind.OTHER;
        String label;
        String labelLang = "";
        int labelRank = Integer.MAX_VALUE;

        Candidate(String iri) {
            this.iri = iri;
        }

        /** Keeps the best label: the requested language, then English, then French, then any. */
        void offerLabel(String text, String lang, Optional<String> wanted) {
            int rank = wanted.isPresent() && wanted.get().equals(lang) ? 0 : lang.equals("en") ? 1 : lang.equals("fr") ? 2 : 3;
            if (rank < labelRank) {
                labelRank = rank;
                label = text;
                labelLang = lang;
            }
        }

        SearchHit toHit(Optional<String> wanted) {
            boolean fallback = wanted.isPresent() && !wanted.get().equals(labelLang);
            return new SearchHit(iri, label == null ? iri : label, labelLang, fallback, kind,
                    Math.round(score * 1000.0) / 1000.0, matched, field);
        }
    }
}
