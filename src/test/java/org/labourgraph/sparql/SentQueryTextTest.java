package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A prepared query text is, once parsed by the store, exactly the query Jena's substitution would have sent. */
class SentQueryTextTest {
    private static final Var THIS = Var.alloc("this");
    private static final Var IN_PROPERTY = Var.alloc("inProperty");
    private static final Var AFTER = Var.alloc("after");
    private static final Query PROPERTY_PAGE = CombinedSelect.of(Describer.OUT, Describer.IN_COUNTS, Describer.IN_PAGE)
            .filled(Describer.GRAPH, List.of(NodeFactory.createURI("https://w3id.org/labourgraph/graph/concepts.ttl"),
                    NodeFactory.createURI("https://w3id.org/labourgraph/graph/people.ttl"))).query();

    static Stream<Node> awkwardValues() {
        return Stream.of(
                NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/ghost-work"),
                NodeFactory.createURI("https://example.org/it's/%C3%A9t%C3%A9/été#x?y=1&z"),
                NodeFactory.createLiteralString(""),
                NodeFactory.createLiteralString("two  spaces,\ta tab,\na line break and \"quotes\" 'too'"),
                NodeFactory.createLiteralString("a backslash \\ then \\u0022 written out, and } { # ? $"),
                NodeFactory.createLiteralString("travail fantôme — 幽灵工作 🙂"),
                NodeFactory.createLiteralLang("travail   fantôme", "fr"),
                NodeFactory.createLiteralDT("12", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("2019-05-07", XSDDatatype.XSDdate));
    }

    @ParameterizedTest
    @MethodSource("awkwardValues")
    void the_store_parses_the_query_jena_substitution_would_send(Node value) {
        Node property = value.isURI() ? value : NodeFactory.createURI("http://purl.org/dc/terms/subject");
        Binding values = BindingFactory.builder().add(THIS, property).add(IN_PROPERTY, property).add(AFTER, value).build();
        SentQueryText text = SentQueryText.of(PROPERTY_PAGE, Set.of(THIS, IN_PROPERTY, AFTER)).orElseThrow();

        String sent = text.with(values).orElseThrow();

        Query bySubstitution = QueryTransformOps.transform(PROPERTY_PAGE, Map.of(THIS, property, IN_PROPERTY, property, AFTER, value));
        assertEquals(inFull(bySubstitution), inFull(QueryFactory.create(sent)));
    }

    @Test
    void the_prepared_text_has_no_layout_and_no_prefixes_and_is_a_quarter_shorter() {
        Binding values = BindingFactory.binding(THIS, NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/ghost-work"));
        String sent = SentQueryText.of(PROPERTY_PAGE, Set.of(THIS)).orElseThrow().with(values).orElseThrow();
        String bySubstitution = QueryTransformOps.transform(PROPERTY_PAGE, Map.of(THIS, values.get(THIS))).toString();

        assertTrue(!sent.contains("\n") && !sent.contains("  ") && !sent.contains("PREFIX"), sent);
        assertTrue(sent.length() < bySubstitution.length() * 3 / 4, sent.length() + " vs " + bySubstitution.length());
    }

    @Test
    void whitespace_inside_the_query_s_own_strings_and_iris_is_kept() {
        Query query = QueryFactory.create("SELECT ?s WHERE { ?s <https://example.org/p> \"a   b\", '''c\n   d''' ;"
                + " <https://example.org/q> ?this FILTER(?this < 3 && STR(?s) > \"  x  \") }");
        String sent = SentQueryText.of(query, Set.of(Var.alloc("this"))).orElseThrow()
                .with(BindingFactory.binding(Var.alloc("this"), NodeFactory.createLiteralString("v  w"))).orElseThrow();

        assertEquals(inFull(QueryTransformOps.transform(query, Map.of(Var.alloc("this"), NodeFactory.createLiteralString("v  w")))),
                inFull(QueryFactory.create(sent)));
        assertTrue(sent.contains("\"a   b\"") && sent.contains("\"  x  \"") && sent.contains("\"v  w\""), sent);
    }

    /** The query's text with IRIs in full: two queries that differ only in their prefixes compare equal. */
    private static String inFull(Query query) {
        Query copy = query.cloneQuery();
        copy.getPrefixMapping().clearNsPrefixMap();
        return copy.toString();
    }

    @Test
    void a_blank_node_or_a_missing_value_is_left_to_jena_s_substitution() {
        SentQueryText text = SentQueryText.of(Describer.IN, Set.of(THIS)).orElseThrow();

        assertEquals(Optional.empty(), text.with(BindingFactory.binding(THIS, NodeFactory.createBlankNode())));
        assertEquals(Optional.empty(), text.with(BindingFactory.binding(AFTER, NodeFactory.createLiteralString("x"))));
    }

    @Test
    void every_shipped_query_compacts_to_itself() {
        for (Query q : List.of(Describer.OUT, Describer.IN, Describer.IN_COUNTS, Describer.IN_PAGE, QueryLibrary.SEARCH_FALLBACK,
                QueryLibrary.ASSERTED_DATA, QueryLibrary.DATA_GRAPHS)) {
            String compact = SentQueryText.compact(q.toString());
            assertEquals(q.toString(), QueryFactory.create(compact, q.getSyntax()).toString());
        }
    }
}
