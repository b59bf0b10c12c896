package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.labourgraph.model.OntologyTerm;
import org.labourgraph.model.Text;

/** The ontology as its documentation page shows it (one query), and as RDF (its named graph, as loaded; one query). */
public final class OntologyReader {
    static final Query TERMS = QueryLibrary.load("ontology-terms.rq");
    static final Query GRAPH = QueryLibrary.load("ontology-graph.rq");
    private static final String OWL = "http://www.w3.org/2002/07/owl#";

    private final QueryRunner runner;

    public OntologyReader(QueryRunner runner) {
        this.runner = runner;
    }

    public List<OntologyTerm> terms(String lang) {
        Map<String, Map<String, Object>> acc = new LinkedHashMap<>();
        List<Binding> rows = runner.select(TERMS, Map.of());
        rows.sort(RowOrder.byTerms("term", "type", "label", "comment", "domain", "range", "super"));
        for (Binding r : rows) {
            Map<String, Object> t = acc.computeIfAbsent(r.get("term").getURI(), k -> new LinkedHashMap<>());
            String type = r.get("type").getURI().substring(OWL.length());
            String current = (String) t.get("kind");
            if (current == null || current.equals("NamedIndividual")) {
                t.put("kind", type);
            }
            collect(t, "label", r.get("label"));
            collect(t, "comment", r.get("comment"));
            collect(t, "domain", r.get("domain"));
            collect(t, "range", r.get("range"));
            collect(t, "super", r.get("super"));
        }
        List<OntologyTerm> out = new ArrayList<>();
        acc.forEach((iri, t) -> out.add(new OntologyTerm(iri, Labels.localName(iri), (String) t.get("kind"),
                Labels.best(nodes(t, "label"), lang).orElse(Text.plain(Labels.localName(iri))),
                Labels.best(nodes(t, "comment"), lang).orElse(Text.plain("")),
                uris(t, "domain"), uris(t, "range"), uris(t, "super"))));
        out.sort(Comparator.comparing(OntologyTerm::localName, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> t, String key, Node n) {
        if (n != null) {
            ((Set<Node>) t.computeIfAbsent(key, k -> new LinkedHashSet<Node>())).add(n);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Node> nodes(Map<String, Object> t, String key) {
        return new ArrayList<>((Set<Node>) t.getOrDefault(key, Set.of()));
    }

    private static List<String> uris(Map<String, Object> t, String key) {
        return nodes(t, key).stream().map(Node::getURI).toList();
    }

    /** A copy of the ontology's named graph, for its RDF documents (one query). */
    public Graph graph() {
        return runner.construct(GRAPH, Map.of());
    }
}
