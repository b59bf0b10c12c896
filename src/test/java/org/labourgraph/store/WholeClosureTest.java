package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * A closure pattern with both ends free is answered from the links read into memory, with exactly the rows Jena's path
 * engine gives for {@code p+} (a poly-hierarchy, a cycle, a self-loop, one link stated in two graphs), in the union
 * default graph and in each named graph, and Jena's engine still answers when an earlier pattern binds an end.
 */
class WholeClosureTest {
    private static final String PREFIX = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    /** As the store holds them: one pair per skos:broader link, the closure asked as {@code skos:broaderTransitive+}. */
    private static final Node BROADER = SKOS.broaderTransitive.asNode();
    /** Everything below ?end (bound by substitution before the rewrite sees the query), and the same by Jena's engine. */
    private static final String BELOW = "SELECT ?a { ?a skos:broaderTransitive ?end }";
    private static final String BELOW_BY_PATH = "SELECT ?a { ?a skos:broaderTransitive+ ?end }";

    @Test
    void free_closure_patterns_answer_the_rows_of_the_path_engine() {
        DatasetGraph ds = servedHierarchy();
        // Written as a path, the closure is left to Jena's engine (its one step made p+ inside it: the same pairs).
        assertSameRows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b }", "SELECT ?a ?b { ?a skos:broaderTransitive+ ?b }");
        assertSameRows(ds, "SELECT ?g ?a ?b { GRAPH ?g { ?a skos:broaderTransitive ?b } }",
                "SELECT ?g ?a ?b { GRAPH ?g { ?a skos:broaderTransitive+ ?b } }");
        assertSameRows(ds, "SELECT ?a ?b { ?a skos:prefLabel ?l . ?a skos:broaderTransitive ?b }",
                "SELECT ?a ?b { ?a skos:prefLabel ?l . ?a skos:broaderTransitive+ ?b }");
        assertSameRows(ds, "SELECT ?a { ?a skos:broaderTransitive ?a }", "SELECT ?a { ?a skos:broaderTransitive+ ?a }");
        for (String end : List.of("a", "x", "c1", "s", "nowhere")) {
            // Below a fixed object: looked up link by link, then (one look-up allowed) from the links read whole.
            assertSameRows(ds, BELOW, BELOW_BY_PATH, concept(end));
            ds.getContext().set(WholeClosure.MOST_LOOKUPS, 1);
            assertSameRows(ds, BELOW, BELOW_BY_PATH, concept(end));
            ds.getContext().remove(WholeClosure.MOST_LOOKUPS);
        }
        assertEquals(List.of("( ?a = <urn:c:b2> )", "( ?a = <urn:c:c1> )", "( ?a = <urn:c:d> )", "( ?a = <urn:c:x> )", "( ?a = <urn:c:y> )"),
                Txn.calculateRead(ds, () -> rows(ds, BELOW, concept("x"))),
                "below x: what leads to it, x itself through the cycle");
        assertTrue(Txn.calculateRead(ds, () -> rows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b }")).size() > 10,
                "the hierarchy has a closure to compare");
    }

    @Test
    void the_store_answers_a_free_closure_pattern_with_the_function() {
        DatasetGraph ds = tangledHierarchy();
        ClosuresAtQueryTime.installOn(ds, NodeFactory.createURI("urn:g:entailments"));
        Query query = QueryFactory.create(PREFIX + "SELECT ?a ?b { ?a skos:broaderTransitive ?b }");
        Op optimized = Algebra.optimize(Algebra.compile(query), ds.getContext());
        List<String> functions = new ArrayList<>();
        OpWalker.walk(optimized, new OpVisitorBase() {
            @Override
            public void visit(OpPropFunc opPropFunc) {
                functions.add(opPropFunc.getProperty().getURI());
            }
        });
        assertEquals(List.of(WholeClosure.IRI), functions, "plan: " + optimized);
    }

    @Test
    void more_links_than_the_cap_are_left_to_the_path_engine() {
        DatasetGraph ds = servedHierarchy();
        Txn.executeRead(ds, () -> {
            Optional<Map<Node, List<Node>>> all = WholeClosure.links(ds.getUnionGraph(), BROADER, 1_000, false);
            assertTrue(all.isPresent());
            int links = all.get().values().stream().mapToInt(List::size).sum();
            assertEquals(10, links, "the link stated in two graphs is read once: " + all.get());
            assertTrue(WholeClosure.links(ds.getUnionGraph(), BROADER, links, false).isPresent(), "exactly the cap is held");
            assertTrue(WholeClosure.links(ds.getUnionGraph(), BROADER, links - 1, false).isEmpty(), "one more is not");
        });
        ds.getContext().set(WholeClosure.MOST_LINKS, 3);
        ds.getContext().set(WholeClosure.MOST_LOOKUPS, 1);
        assertSameRows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b }", "SELECT ?a ?b { ?a skos:broaderTransitive+ ?b }");
        assertSameRows(ds, BELOW, BELOW_BY_PATH, concept("a"));
    }

    @Test
    void a_query_past_the_closures_held_at_once_is_left_to_the_path_engine_and_every_closure_is_let_go() {
        DatasetGraph ds = servedHierarchy();
        Txn.executeRead(ds, () -> {
            List<QueryExec> open = new ArrayList<>();
            try {
                for (int i = 0; i < WholeClosure.AT_ONCE; i++) {
                    QueryExec exec = QueryExec.dataset(ds).query(PREFIX + "SELECT ?a ?b { ?a skos:broaderTransitive ?b }").build();
                    open.add(exec);
                    assertTrue(exec.select().hasNext());
                }
                assertEquals(WholeClosure.AT_ONCE, WholeClosure.held(), "each open query holds its closure");
                assertEquals(rows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive+ ?b }"), rows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b }"),
                        "one more query gets the same rows from the path engine");
            } finally {
                open.forEach(QueryExec::close);
            }
            assertEquals(0, WholeClosure.held(), "closed queries let their closures go");
            rows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b } LIMIT 1");
            rows(ds, "SELECT ?a ?b { ?a skos:broaderTransitive ?b }");
            assertEquals(0, WholeClosure.held(), "a query cut by LIMIT and one read to the end hold nothing after");
        });
    }

    /** The hierarchy below, with the closure rewrite installed and the union default graph, as the store serves it. */
    private static DatasetGraph servedHierarchy() {
        DatasetGraph ds = tangledHierarchy();
        ClosuresAtQueryTime.installOn(ds, NodeFactory.createURI("urn:g:entailments"));
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        return ds;
    }

    /** c1 → b1, b2 (two parents) → a; b2 → x → y → x (a cycle); s → s; d → c1; e → a in two graphs. */
    private static DatasetGraph tangledHierarchy() {
        DatasetGraph ds = DatabaseMgr.createDatasetGraph();
        Node g1 = NodeFactory.createURI("urn:g:one");
        Node g2 = NodeFactory.createURI("urn:g:two");
        Txn.executeWrite(ds, () -> {
            link(ds, g1, "c1", "b1");
            link(ds, g1, "c1", "b2");
            link(ds, g1, "b1", "a");
            link(ds, g1, "b2", "a");
            link(ds, g2, "b2", "x");
            link(ds, g2, "x", "y");
            link(ds, g2, "y", "x");
            link(ds, g2, "s", "s");
            link(ds, g1, "d", "c1");
            link(ds, g1, "e", "a");
            link(ds, g2, "e", "a");
            ds.add(g1, concept("c1"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("c un", "fr"));
            ds.add(g2, concept("x"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("x", "en"));
        });
        return ds;
    }

    private static void link(DatasetGraph ds, Node graph, String narrower, String broader) {
        ds.add(new Quad(graph, concept(narrower), BROADER, concept(broader)));
    }

    private static Node concept(String name) {
        return NodeFactory.createURI("urn:c:" + name);
    }

    private static void assertSameRows(DatasetGraph ds, String asked, String byPath) {
        assertSameRows(ds, asked, byPath, null);
    }

    private static void assertSameRows(DatasetGraph ds, String asked, String byPath, Node end) {
        List<String> expected = Txn.calculateRead(ds, () -> rows(ds, byPath, end));
        List<String> actual = Txn.calculateRead(ds, () -> rows(ds, asked, end));
        assertEquals(expected, actual, asked + (end == null ? "" : " with ?end = " + end));
    }

    private static List<String> rows(DatasetGraph ds, String query) {
        return rows(ds, query, null);
    }

    /** The rows as sorted strings (the same multiset of solutions, whatever the order); {@code end}, when given, bound to ?end. */
    private static List<String> rows(DatasetGraph ds, String query, Node end) {
        List<String> out = new ArrayList<>();
        QueryExecBuilder builder = QueryExec.dataset(ds).query(PREFIX + query);
        if (end != null) {
            builder.substitution("end", end);
        }
        try (QueryExec exec = builder.build()) {
            exec.select().forEachRemaining(b -> out.add(b.toString()));
        }
        out.sort(null);
        return out;
    }
}
