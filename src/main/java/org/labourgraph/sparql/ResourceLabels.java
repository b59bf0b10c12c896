package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.model.Text;

/** The labels of a set of resources in a page's language, in one query ({@code changed-resource-labels.rq}). */
public final class ResourceLabels {
    static final Query LABELS_OF = QueryLibrary.load("changed-resource-labels.rq");
    private static final Var S = Var.alloc("s");

    private ResourceLabels() {}

    /**
     * The best label of each IRI in {@code lang} (that language, else untagged, else another, marked); an IRI without
     * a label gets its local name. No query when {@code iris} is empty.
     */
    public static Map<String, Text> of(QueryRunner runner, Collection<String> iris, String lang) {
        Map<String, Text> out = new LinkedHashMap<>();
        if (iris.isEmpty()) {
            return out;
        }
        List<Node> nodes = iris.stream().map(NodeFactory::createURI).toList();
        Map<String, List<Node>> found = new HashMap<>();
        for (Binding row : runner.select(QueryLibrary.withValues(LABELS_OF, S, nodes), Map.of())) {
            found.computeIfAbsent(row.get(S).getURI(), k -> new ArrayList<>()).add(row.get(Var.alloc("label")));
        }
        for (String iri : iris) {
            out.put(iri, Labels.best(found.getOrDefault(iri, List.of()), lang).orElse(Text.plain(Labels.localName(iri))));
        }
        return out;
    }
}
