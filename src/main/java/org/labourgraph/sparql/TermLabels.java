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

/**
 * The labels of many IRIs in one query (labels-of.rq), for pages that show statements one by one (the History tab):
 * the label in the page's language, else untagged, else the other language marked; a property the store does not label
 * gets its standard label, and what has no label at all its local name.
 */
public final class TermLabels {
    private static final Query LABELS_OF = QueryLibrary.load("labels-of.rq");
    private static final Var IRI = Var.alloc("iri");

    private TermLabels() {}

    /** IRI → label, for every IRI given (one query, none when there is nothing to label). */
    public static Map<String, Text> of(QueryRunner runner, Collection<String> iris, String lang) {
        Map<String, List<Node>> found = new HashMap<>();
        if (!iris.isEmpty()) {
            List<Node> values = iris.stream().distinct().map(i -> (Node) NodeFactory.createURI(i)).toList();
            for (Binding row : runner.select(QueryLibrary.withValues(LABELS_OF, IRI, values), Map.of())) {
                found.computeIfAbsent(row.get(IRI).getURI(), k -> new ArrayList<>()).add(row.get(Var.alloc("label")));
            }
        }
        Map<String, Text> labels = new LinkedHashMap<>();
        for (String iri : iris) {
            labels.put(iri, Labels.best(found.getOrDefault(iri, List.of()), lang)
                    .or(() -> Labels.standard(iri, lang)).orElse(Text.plain(Labels.localName(iri))));
        }
        return labels;
    }
}
