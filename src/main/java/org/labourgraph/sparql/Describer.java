package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.labourgraph.model.Match;
import org.labourgraph.model.Person;
import org.labourgraph.model.PropertyValues;
import org.labourgraph.model.ResourceView;
import org.labourgraph.model.Terms;
import org.labourgraph.model.Text;
import org.labourgraph.model.Value;

/**
 * Describes one resource in one query whatever the number of its neighbours, made of three (see {@link CombinedSelect}):
 * its statements with the labels of what they link to (describe-out.rq), the count of incoming links per property
 * (describe-in-counts.rq) and one page of those links with labels (describe-in.rq, or describe-in-page.rq for the next
 * pages of one property). Each reads the graphs of stated data, named ({@link StatedGraphs}).
 */
public final class Describer {
    /** Incoming links shown per property on one page. */
    public static final int PAGE_SIZE = 20;
    /** Values of one outgoing property shown on a page (the total is still given). */
    public static final int VALUES_SHOWN = 100;

    static final Query OUT = QueryLibrary.load("describe-out.rq");
    static final Query IN_COUNTS = QueryLibrary.load("describe-in-counts.rq");
    static final Query IN = QueryLibrary.load("describe-in.rq");
    static final Query IN_PAGE = QueryLibrary.load("describe-in-page.rq");
    private static final CombinedSelect FIRST_PAGE = CombinedSelect.of(OUT, IN_COUNTS, IN);
    private static final CombinedSelect PROPERTY_PAGE = CombinedSelect.of(OUT, IN_COUNTS, IN_PAGE);
    /** The graph variable whose values each query leaves to be filled in: the graphs of stated data. */
    static final Var GRAPH = Var.alloc("g");

    /** Properties shown first, in this order; the others follow by label. */
    private static final List<String> ORDER = List.of(Terms.RDF_TYPE, Terms.PREF_LABEL, Terms.ALT_LABEL, Terms.TITLE,
            Terms.RDFS_LABEL, Terms.DEFINITION, Terms.DESCRIPTION, Terms.CREATOR, Terms.ISSUED, Terms.TIER,
            Terms.BROADER, Terms.NARROWER, Terms.RELATED, Terms.COINED_BY, Terms.COINED_IN);

    private final QueryRunner runner;
    private final String base;

    public Describer(QueryRunner runner, String baseIri) {
        this.runner = runner;
        this.base = baseIri;
    }

    /** Which incoming page to show: every property's first page, or one property after a key. */
    public record IncomingPage(Optional<String> property, String after) {
        public static final IncomingPage FIRST = new IncomingPage(Optional.empty(), "");
    }

    public Description describe(String iri, String lang, IncomingPage page) {
        Node self = NodeFactory.createURI(iri);
        Graph graph = GraphFactory.createDefaultGraph();
        List<Node> graphs = runner.statedGraphs();
        List<List<Binding>> parts = page.property().isPresent()
                ? PROPERTY_PAGE.filled(GRAPH, graphs).select(runner, Map.of("this", self, "inProperty", NodeFactory.createURI(page.property().get()),
                        "after", NodeFactory.createLiteralString(page.after())))
                : FIRST_PAGE.filled(GRAPH, graphs).select(runner, Map.of("this", self));
        List<Binding> out = parts.get(0);
        // Sorted by term: the page lists its values the same way on any store.
        out.sort(RowOrder.byTerms("p", "o", "pLabel", "oLabel"));
        List<Binding> counts = parts.get(1);
        List<Binding> in = parts.get(2);
        in.sort(RowOrder.byTerms("p", "s", "sLabel"));

        // Outgoing: property → values (in order of appearance), with labels and facts of linked resources.
        Map<Node, Set<Node>> objects = new LinkedHashMap<>();
        Map<Node, List<Node>> termLabels = new LinkedHashMap<>();
        Map<Node, List<Node>> objectLabels = new LinkedHashMap<>();
        Map<Node, Node> issued = new LinkedHashMap<>();
        Map<Node, String[]> names = new LinkedHashMap<>();
        Map<Node, Node> texts = new LinkedHashMap<>();
        Map<Triple, Match> matches = new LinkedHashMap<>();
        for (Binding row : out) {
            Node p = row.get("p");
            Node o = row.get("o");
            objects.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(o);
            graph.add(Triple.create(self, p, o));
            addDistinct(termLabels, p, row.get("pLabel"));
            addDistinct(objectLabels, o, row.get("oLabel"));
            Node year = row.get("oIssued");
            if (year != null) {
                issued.put(o, year);
                graph.add(Triple.create(o, DCTerms.issued.asNode(), year));
            }
            Node text = row.get("oText");
            if (text != null) {
                texts.put(o, text);
                graph.add(Triple.create(o, NodeFactory.createURI(Terms.SCHEMA_TEXT), text));
            }
            Node mLabel = row.get("mLabel");
            if (mLabel != null) {
                matches.putIfAbsent(Triple.create(self, p, o), match(p, o, mLabel, row.get("mSource"), row.get("mEvidence")));
            }
            Node family = row.get("oFamily");
            Node given = row.get("oGiven");
            if (family != null) {
                names.put(o, new String[] {family.getLiteralLexicalForm(), given == null ? "" : given.getLiteralLexicalForm()});
            }
        }
        objectLabels.forEach((o, ls) -> ls.forEach(l -> graph.add(Triple.create(o, RDFS.label.asNode(), l))));
        termLabels.forEach((p, ls) -> ls.forEach(l -> graph.add(Triple.create(p, RDFS.label.asNode(), l))));

        List<PropertyValues> outgoing = new ArrayList<>();
        objects.forEach((p, os) -> outgoing.add(group(p, os, termLabels, objectLabels, issued, texts, lang)));
        outgoing.sort(Comparator.comparingInt((PropertyValues pv) -> rank(pv.property())).thenComparing(pv -> pv.label().value()));

        List<PropertyValues> incoming = incoming(self, counts, in, page, lang, graph);

        Set<Node> labelNodes = objects.getOrDefault(NodeFactory.createURI(Terms.PREF_LABEL), Set.of());
        if (labelNodes.isEmpty()) {
            labelNodes = objects.getOrDefault(RDFS.label.asNode(), objects.getOrDefault(NodeFactory.createURI(Terms.FOAF_NAME), Set.of()));
        }
        List<Node> labelList = List.copyOf(labelNodes);
        Text label = Labels.best(labelList, lang).orElse(Text.plain(Labels.localName(iri)));
        String otherLang = lang.equals("fr") ? "en" : "fr";
        Optional<Text> other = Labels.best(labelList, otherLang).filter(t -> !t.fallback() && !t.value().equals(label.value()));

        List<String> types = objects.getOrDefault(RDF.type.asNode(), Set.of()).stream().filter(Node::isURI).map(Node::getURI).toList();
        List<Person> creators = new ArrayList<>();
        for (Node c : objects.getOrDefault(DCTerms.creator.asNode(), Set.of())) {
            String name = Labels.best(objectLabels.getOrDefault(c, List.of()), lang).map(Text::value).orElse(c.toString());
            String[] n = names.getOrDefault(c, new String[] {"", ""});
            creators.add(new Person(c.isURI() ? c.getURI() : "", name, n[0], n[1]));
        }
        // RDF keeps no order of creators: list them by family name, then name, so citations are stable.
        creators.sort(Comparator.comparing((Person p) -> p.family().isEmpty() ? p.name() : p.family()).thenComparing(Person::name));
        ResourceView view = new ResourceView(iri, ResourceKinds.ofIri(iri, base), label, other, types, outgoing, incoming, lang,
                List.copyOf(matches.values()));
        return new Description(view, graph, creators);
    }

    private List<PropertyValues> incoming(Node self, List<Binding> counts, List<Binding> rows, IncomingPage page, String lang,
                                          Graph graph) {
        Map<Node, Integer> totals = new LinkedHashMap<>();
        Map<Node, List<Node>> propLabels = new LinkedHashMap<>();
        for (Binding c : counts) {
            totals.put(c.get("p"), LiteralValues.intOf(c.get("n")));
            addDistinct(propLabels, c.get("p"), c.get("pLabel"));
        }
        Map<Node, Set<Node>> subjects = new LinkedHashMap<>();
        Map<Node, List<Node>> subjectLabels = new LinkedHashMap<>();
        Node onlyProp = page.property().map(NodeFactory::createURI).orElse(null);
        for (Binding r : rows) {
            Node p = onlyProp != null ? onlyProp : r.get("p");
            Node s = r.get("s");
            Set<Node> ss = subjects.computeIfAbsent(p, k -> new LinkedHashSet<>());
            if (ss.size() < PAGE_SIZE || ss.contains(s)) {
                ss.add(s);
                addDistinct(subjectLabels, s, r.get("sLabel"));
            } else {
                ss.add(s); // one past the page: its presence says that a next page exists
            }
        }
        List<PropertyValues> groups = new ArrayList<>();
        totals.forEach((p, total) -> {
            if (onlyProp != null && !p.equals(onlyProp)) {
                return;
            }
            List<Node> ss = new ArrayList<>(subjects.getOrDefault(p, Set.of()));
            String next = "";
            if (ss.size() > PAGE_SIZE) {
                ss = ss.subList(0, PAGE_SIZE);
                next = ss.get(PAGE_SIZE - 1).getURI();
            }
            List<Value> values = new ArrayList<>();
            for (Node s : ss) {
                graph.add(Triple.create(s, p, self));
                subjectLabels.getOrDefault(s, List.of()).forEach(l -> graph.add(Triple.create(s, RDFS.label.asNode(), l)));
                values.add(Value.link(s.getURI(), Labels.best(subjectLabels.getOrDefault(s, List.of()), lang).orElse(Text.plain("")), ""));
            }
            propLabels.getOrDefault(p, List.of()).forEach(l -> graph.add(Triple.create(p, RDFS.label.asNode(), l)));
            groups.add(new PropertyValues(p.getURI(), Labels.ofTerm(p.getURI(), propLabels.getOrDefault(p, List.of()), lang),
                    values, total, next));
        });
        groups.sort(Comparator.comparing((PropertyValues pv) -> pv.label().value()));
        return groups;
    }

    private static PropertyValues group(Node p, Set<Node> os, Map<Node, List<Node>> termLabels, Map<Node, List<Node>> objectLabels,
                                        Map<Node, Node> issued, Map<Node, Node> texts, String lang) {
        List<Value> values = new ArrayList<>();
        List<Node> literals = new ArrayList<>();
        for (Node o : os) {
            if (o.isLiteral()) {
                if (!o.getLiteralLanguage().isEmpty()) {
                    literals.add(o);
                } else {
                    values.add(Value.literal(Text.plain(o.getLiteralLexicalForm()), o.getLiteralDatatypeURI()));
                }
            } else if (o.isURI()) {
                Text label = Labels.best(objectLabels.getOrDefault(o, List.of()), lang)
                        .or(() -> Labels.standard(o.getURI(), lang)).orElse(Text.plain(""));
                Node year = issued.get(o);
                Node text = texts.get(o);
                values.add(Value.link(o.getURI(), label, year == null ? "" : year.getLiteralLexicalForm(),
                        text == null ? "" : text.getLiteralLexicalForm()));
            }
        }
        for (Text t : Labels.inLanguage(literals, lang)) {
            values.add(Value.literal(t, ""));
        }
        // A page lists the first values of a property stated thousands of times; the RDF representations hold them all.
        int total = values.size();
        return new PropertyValues(p.getURI(), Labels.ofTerm(p.getURI(), termLabels.getOrDefault(p, List.of()), lang),
                values.subList(0, Math.min(total, VALUES_SHOWN)), total, "");
    }

    /** A link to another vocabulary with what its mapping record says: the target's label, source and evidence. */
    private static Match match(Node p, Node o, Node label, Node source, Node evidence) {
        return new Match(p.getURI(), o.isURI() ? o.getURI() : "", o.isLiteral() ? o.getLiteralLexicalForm() : "",
                label.isLiteral() ? label.getLiteralLexicalForm() : "", source != null && source.isLiteral() ? source.getLiteralLexicalForm() : "",
                evidence != null && evidence.isURI() ? evidence.getURI() : "");
    }

    private static int rank(String property) {
        int i = ORDER.indexOf(property);
        return i < 0 ? ORDER.size() : i;
    }

    private static void addDistinct(Map<Node, List<Node>> map, Node key, Node value) {
        if (value == null) {
            return;
        }
        List<Node> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
