package org.labourgraph.sparql;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.model.Text;
import org.labourgraph.model.TreeNode;

/**
 * The views over the whole scheme, each one query whatever the size of the graph: the top of the hierarchy or one
 * branch of it (three levels deep), the home counts (the A–Z index is {@link AlphabeticalIndex}).
 */
public final class Catalogue {
    /** The kinds home-counts.rq counts, in the order the home page lists them. */
    private static final List<String> COUNTED_KINDS = List.of("concept", "person", "work", "note", "place", "organisation");

    static final Query HIERARCHY_TOP = QueryLibrary.load("hierarchy-top.rq");
    static final Query HIERARCHY_BRANCH = QueryLibrary.load("hierarchy-branch.rq");
    static final Query COUNTS = QueryLibrary.load("home-counts.rq");

    /** Narrower concepts shown under one concept; past it the node links to its branch page. */
    public static final int CHILDREN_SHOWN = 200;

    private final QueryRunner runner;

    public Catalogue(QueryRunner runner) {
        this.runner = runner;
    }

    /**
     * The concept trees from the top concepts (concepts without a broader one), three levels deep, children by label;
     * then the editorial collections (facets, outside the broader tree) with their members as children.
     */
    public List<TreeNode> hierarchy(String lang) {
        return trees(runner.select(HIERARCHY_TOP, Map.of()), lang);
    }

    /** The tree under one concept, three levels deep; empty when the IRI is no concept. */
    public Optional<TreeNode> branch(String conceptIri, String lang) {
        List<Binding> rows = runner.select(HIERARCHY_BRANCH, Map.of("top", NodeFactory.createURI(conceptIri)));
        Node top = NodeFactory.createURI(conceptIri);
        Tree tree = tree(rows, lang);
        return tree.labels().containsKey(top) ? Optional.of(tree.build(top, new LinkedHashSet<>())) : Optional.empty();
    }

    private List<TreeNode> trees(List<Binding> rows, String lang) {
        Tree tree = tree(rows, lang);
        List<TreeNode> roots = new ArrayList<>();
        for (Node c : tree.labels().keySet()) {
            if (!tree.hasBroader().contains(c)) {
                roots.add(tree.build(c, new LinkedHashSet<>()));
            }
        }
        roots.sort(Comparator.comparing(TreeNode::facet)
                .thenComparing((TreeNode t) -> t.label().value(), tree.collator()));
        return roots;
    }

    private static Tree tree(List<Binding> rows, String lang) {
        Tree tree = new Tree(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>(), new LinkedHashSet<>(), lang, Collator.getInstance(Locale.forLanguageTag(lang)));
        for (Binding r : rows) {
            Node c = r.get("concept");
            List<Node> ls = tree.labels().computeIfAbsent(c, k -> new ArrayList<>());
            if (!ls.contains(r.get("label"))) {
                ls.add(r.get("label"));
            }
            Node b = r.get("broader");
            if (b != null) {
                tree.hasBroader().add(c);
                tree.children().computeIfAbsent(b, k -> new LinkedHashSet<>()).add(c);
            }
            if (r.get("rank") != null) {
                tree.tiers().put(c, LiteralValues.intOf(r.get("rank")));
            }
            if (LiteralValues.isTrue(r.get("facet"))) {
                tree.facets().add(c);
            }
            if (LiteralValues.isTrue(r.get("more"))) {
                tree.more().add(c);
            }
        }
        return tree;
    }

    /** The rows of a hierarchy query, gathered: labels, narrower concepts, tiers, facets, concepts cut short. */
    private record Tree(Map<Node, List<Node>> labels, Map<Node, Set<Node>> children, Map<Node, Integer> tiers,
                        Set<Node> facets, Set<Node> hasBroader, Set<Node> more, String lang, Collator collator) {
        TreeNode build(Node c, Set<Node> path) {
            path.add(c);
            List<TreeNode> kids = new ArrayList<>();
            for (Node k : children.getOrDefault(c, Set.of())) {
                if (!path.contains(k) && labels.containsKey(k)) {
                    kids.add(build(k, path));
                }
            }
            path.remove(c);
            kids.sort(Comparator.comparing((TreeNode t) -> t.label().value(), collator));
            boolean cut = more.contains(c) || kids.size() > CHILDREN_SHOWN;
            if (kids.size() > CHILDREN_SHOWN) {
                kids = kids.subList(0, CHILDREN_SHOWN);
            }
            Text label = Labels.best(labels.getOrDefault(c, List.of()), lang).orElse(Text.plain(Labels.localName(c.getURI())));
            return new TreeNode(c.getURI(), label, tiers.getOrDefault(c, 0), facets.contains(c), kids, cut);
        }
    }

    /** How many concepts, persons, works, notes, places and organisations the graph describes. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counted = new java.util.HashMap<>();
        for (Binding r : runner.select(COUNTS, Map.of())) {
            counted.put(r.get("kind").getLiteralLexicalForm(), LiteralValues.intOf(r.get("n")));
        }
        // In this order on every store (a store gives the groups in its own order).
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String kind : COUNTED_KINDS) {
            if (counted.containsKey(kind)) {
                out.put(kind, counted.get(kind));
            }
        }
        return out;
    }
}
