package org.labourgraph.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.labourgraph.model.OntologyTerm;
import org.labourgraph.model.TreeNode;

/** The sub-class tree of the ontology's own classes, for its documentation page. */
public final class OntologyTree {
    private OntologyTree() {}

    public static List<TreeNode> classes(List<OntologyTerm> terms) {
        Map<String, OntologyTerm> byIri = terms.stream().filter(t -> t.kind().equals("Class"))
                .collect(Collectors.toMap(OntologyTerm::iri, Function.identity(), (a, b) -> a));
        List<TreeNode> roots = new ArrayList<>();
        for (OntologyTerm t : byIri.values()) {
            if (t.supers().stream().noneMatch(byIri::containsKey)) {
                roots.add(node(t, byIri, new LinkedHashSet<>()));
            }
        }
        roots.sort(Comparator.comparing((TreeNode n) -> n.label().value(), String.CASE_INSENSITIVE_ORDER));
        return roots;
    }

    private static TreeNode node(OntologyTerm t, Map<String, OntologyTerm> byIri, Set<String> path) {
        path.add(t.iri());
        List<TreeNode> kids = new ArrayList<>();
        for (OntologyTerm c : byIri.values()) {
            if (c.supers().contains(t.iri()) && !path.contains(c.iri())) {
                kids.add(node(c, byIri, path));
            }
        }
        path.remove(t.iri());
        kids.sort(Comparator.comparing((TreeNode n) -> n.label().value(), String.CASE_INSENSITIVE_ORDER));
        return new TreeNode(t.iri(), t.label(), 0, false, kids, false);
    }
}
