package org.labourgraph.sparql;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.model.ResourceKind;
import org.labourgraph.model.SearchHit;
import org.labourgraph.model.SearchHit.MatchField;

/**
 * Turns the rows of a search query into hits, the same way whichever query found them: rows carry
 * {@code ?resource ?score ?matched ?prop ?type ?label}; a match's score is weighted by its field (label,
 * then alternative label, then definition), each resource keeps its best match, its most specific kind
 * and its label in the requested language (with fallback).
 */
final class SearchRanking {
    private SearchRanking() {}

    static List<SearchHit> rank(RowSet rows, SearchRequest request) {
        List<Binding> all = new java.util.ArrayList<>();
        rows.forEachRemaining(all::add);
        return rank(all, request, request.language());
    }

    /** As above, with labels chosen for {@code display} (a page's language) whatever language matched. */
    static List<SearchHit> rank(List<Binding> rows, SearchRequest request, Optional<String> display) {
        return rank(rows, request, display, false);
    }

    /** As above; with {@code withRetired}, deprecated resources are kept (flagged) instead of left out. */
    static List<SearchHit> rank(List<Binding> rows, SearchRequest request, Optional<String> display, boolean withRetired) {
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
                double weighted = LiteralValues.doubleOf(score) * weight(field)
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
            Node deprecated = row.get("deprecated");
            if (LiteralValues.isTrue(deprecated)) {
                c.retired = true;
            }
            Node label = row.get("label");
            if (label != null && label.isLiteral()) {
                c.offerLabel(label.getLiteralLexicalForm(), label.getLiteralLanguage(), display);
            }
        });
        return byResource.values().stream()
                .filter(c -> c.field != null && (withRetired || !c.retired))
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

    /** Lower case, accents removed, punctuation as spaces: how a person compares two labels. */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
    }

    static double weight(MatchField field) {
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
        boolean retired;

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
                    Math.round(score * 1000.0) / 1000.0, matched, field, retired);
        }
    }
}
