package org.labourgraph.sparql;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.model.IndexEntry;
import org.labourgraph.model.Text;
import org.labourgraph.model.TreeNode;

/** The views over the whole scheme: the hierarchy (one query), the A–Z index (one query), the home counts (one query). */
public final class Catalogue {
    static final Query HIERARCHY = QueryLibrary.load("hierarchy.rq");
    static final Query INDEX = QueryLibrary.load("index.rq");
    static final Query COUNTS = QueryLibrary.load("home-counts.rq");

    private final QueryRunner runner;

    public Catalogue(QueryRunner runner) {
        this.runner = runner;
    }

    /** The concept trees from the top concepts (concepts without a broader one), children by label. */
    public List<TreeNode> hierarchy(String lang) {
        Map<Node, List<Node>> labels = new LinkedHashMap<>();
        Map<Node, Set<Node>> children = new LinkedHashMap<>();
        Map<Node, Integer> tiers = new LinkedHashMap<>();
        Set<Node> facets = new LinkedHashSet<>();
        Set<Node> hasBroader = new LinkedHashSet<>();
        for (Binding r : runner.select(HIERARCHY, Map.of())) {
            Node c = r.get("concept");
            List<Node> ls = labels.computeIfAbsent(c, k -> new ArrayList<>());
            if (!ls.contains(r.get("label"))) {
                ls.add(r.get("label"));
            }
            Node b = r.get("broader");
            if (b != null) {
                hasBroader.add(c);
                children.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(c);
            }
            if (r.get("rank") != null) {
                tiers.put(c, ((Number) r.get("rank").getLiteralValue()).intValue());
            }
            if (r.get("facet") != null) {
                facets.add(c);
            }
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
        List<TreeNode> roots = new ArrayList<>();
        for (Node c : labels.keySet()) {
            if (!hasBroader.contains(c)) {
                roots.add(build(c, labels, children, tiers, facets, lang, collator, new LinkedHashSet<>()));
            }
        }
        roots.sort(Comparator.comparing((TreeNode t) -> t.label().value(), collator));
        return roots;
    }

    private TreeNode build(Node c, Map<Node, List<Node>> labels, Map<Node, Set<Node>> children, Map<Node, Integer> tiers,
                           Set<Node> facets, String lang, Collator collator, Set<Node> path) {
        path.add(c);
        List<TreeNode> kids = new ArrayList<>();
        for (Node k : children.getOrDefault(c, Set.of())) {
            if (!path.contains(k) && labels.containsKey(k)) {
                kids.add(build(k, labels, children, tiers, facets, lang, collator, path));
            }
        }
        path.remove(c);
        kids.sort(Comparator.comparing((TreeNode t) -> t.label().value(), collator));
        Text label = Labels.best(labels.getOrDefault(c, List.of()), lang).orElse(Text.plain(Labels.localName(c.getURI())));
        return new TreeNode(c.getURI(), label, tiers.getOrDefault(c, 0), facets.contains(c), kids);
    }

    /** Labels of the page's language by first letter (accents folded: "é" files under E), sorted. */
    public Map<String, List<IndexEntry>> index(String lang) {
        Map<String, List<Node>> prefs = new LinkedHashMap<>();
        List<Binding> rows = runner.select(INDEX, Map.of());
        for (Binding r : rows) {
            prefs.computeIfAbsent(r.get("concept").getURI(), k -> new ArrayList<>()).add(r.get("pref"));
        }
        Map<String, IndexEntry> entries = new LinkedHashMap<>();
        for (Binding r : rows) {
            Node label = r.get("label");
            if (!label.getLiteralLanguage().equalsIgnoreCase(lang)) {
                continue;
            }
            String iri = r.get("concept").getURI();
            boolean alt = (Boolean) r.get("isAlt").getLiteralValue();
            String pref = Labels.best(prefs.get(iri), lang).map(Text::value).orElse("");
            entries.putIfAbsent(iri + "|" + label.getLiteralLexicalForm() + "|" + alt,
                    new IndexEntry(iri, label.getLiteralLexicalForm(), alt, pref));
        }
        Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
        collator.setStrength(Collator.PRIMARY);
        Map<String, List<IndexEntry>> byLetter = new TreeMap<>();
        for (IndexEntry e : entries.values()) {
            byLetter.computeIfAbsent(letter(e.label()), k -> new ArrayList<>()).add(e);
        }
        byLetter.values().forEach(l -> l.sort(Comparator.comparing(IndexEntry::label, collator)));
        return byLetter;
    }

    static String letter(String label) {
        String folded = SearchRanking.fold(label);
        char c = folded.isEmpty() ? '#' : Character.toUpperCase(folded.charAt(0));
        return Character.isLetter(c) ? String.valueOf(c) : "#";
    }

    /** How many concepts, persons, works, notes, places and organisations the graph describes. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Binding r : runner.select(COUNTS, Map.of())) {
            out.put(r.get("kind").getLiteralLexicalForm(), ((Number) r.get("n").getLiteralValue()).intValue());
        }
        return out;
    }
}
