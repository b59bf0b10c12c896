package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.source.SourceSet;

/**
 * The store leaves the closures of skos:broaderTransitive and skos:narrowerTransitive to query time; every query that
 * names them answers what it answered when the closures were stored. The oracle is a store built the old way: the
 * stated quads and every entailment of them (closures included) in a TDB2 dataset with no rewrite, as a plain
 * recompute gives them. Both are asked the librarians' example queries and the closure queries below, after random
 * adds and removes (a middle skos:broader link cut and restored among them), and must give the same rows.
 */
class ClosuresAtQueryTimeTest {
    private static final Node ENTAILMENTS = NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH);
    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/labourgraph/graph/test-edits");
    private static final String SKOS_PREFIX = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";
    /** The closure queries: both directions, bound and unbound ends, inside paths, counted, in the entailment graph. */
    private static final List<String> CLOSURE_QUERIES = List.of(
            "SELECT ?a ?b { ?a skos:broaderTransitive ?b }",
            "SELECT ?a ?b { ?a skos:narrowerTransitive ?b }",
            "SELECT (COUNT(*) AS ?n) { ?a skos:broaderTransitive ?b }",
            "SELECT ?a ?l { ?a skos:broaderTransitive/skos:prefLabel ?l }",
            "SELECT ?a ?b { ?a ^skos:narrowerTransitive ?b }",
            "SELECT ?a ?b { ?a skos:topConceptOf ?s . ?a skos:narrowerTransitive* ?b }",
            "SELECT ?a ?c { ?a skos:broader ?b . ?b skos:broaderTransitive ?c }",
            "ASK { ?a skos:broaderTransitive ?a }",
            "SELECT ?a ?b { ?a skos:topConceptOf ?s . ?b (skos:broaderTransitive|skos:related) ?a }",
            "SELECT ?a ?b { ?a skos:topConceptOf ?s . ?a (^skos:broaderTransitive)? ?b }",
            "SELECT ?a ?b { GRAPH ?entailments { ?a skos:broaderTransitive ?b } }",
            "SELECT ?top (COUNT(?d) AS ?below) { ?top skos:topConceptOf ?s . OPTIONAL { ?d skos:broaderTransitive ?top } } GROUP BY ?top",
            "SELECT ?a ?b { ?a skos:related ?b . FILTER EXISTS { ?a skos:broaderTransitive ?x . ?b skos:broaderTransitive ?x } }");
    /** Example queries that read every property of a resource (a variable predicate): they see the stored one-step links only. */
    private static final Set<String> VARIABLE_PREDICATE_QUERIES = Set.of("18-provenance-of-a-concept.rq");

    @TempDir
    Path tmp;

    @Test
    void the_skos_closures_are_left_to_query_time_and_a_closure_that_feeds_another_rule_is_not() {
        Graph schema = GraphFactory.createDefaultGraph();
        Node reaches = NodeFactory.createURI("https://example.org/reaches");
        Node touches = NodeFactory.createURI("https://example.org/touches");
        Node subject = NodeFactory.createURI("http://purl.org/dc/terms/subject");
        schema.add(reaches, org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.OWL.TransitiveProperty.asNode());
        schema.add(touches, org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.OWL.TransitiveProperty.asNode());
        schema.add(touches, org.apache.jena.vocabulary.RDFS.subPropertyOf.asNode(), subject);
        Set<Node> closed = ClosuresAtQueryTime.of(Entailments.Schema.of(schema, Entailments.axioms()));
        assertEquals(Set.of(SKOS.broaderTransitive.asNode(), SKOS.narrowerTransitive.asNode(), reaches), closed,
                "touches entails dcterms:subject, which the lg:discusses rule reads: its closure stays stored");
    }

    @Test
    void the_shipped_data_answers_as_with_stored_closures_through_random_edits() throws Exception {
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            List<Query> queries = new ArrayList<>(exampleQueries());
            queries.addAll(closureQueries());
            assertSameAnswers(store, queries, "as loaded");
            IncrementalEntailmentsTest.Edits edits = new IncrementalEntailmentsTest.Edits(store, new Random(18));
            for (int i = 0; i < 60; i++) {
                String what = edits.next();
                if (i % 5 == 4) {
                    assertSameAnswers(store, queries, "after edit " + i + " (" + what + ")");
                }
            }
            assertTrue(edits.middleLinksCut > 0 && edits.middleLinksRestored > 0, "the sequence cut and restored a middle broader link");
        }
    }

    @Tag("slow")
    @Test
    void a_generated_thesaurus_answers_as_with_stored_closures_through_random_edits() throws Exception {
        Path file = tmp.resolve("thesaurus.nt");
        ThesaurusGenerator.forTriples(100_000, 7).write(file, n -> {});
        try (LabourStore store = LabourStore.inMemory()) {
            store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, GRAPH.getURI())), false, n -> {});
            List<Query> queries = closureQueries();
            assertSameAnswers(store, queries, "as loaded");
            IncrementalEntailmentsTest.Edits edits = new IncrementalEntailmentsTest.Edits(store, new Random(7));
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 6; i++) {
                    edits.next();
                }
                assertSameAnswers(store, queries, "after round " + round);
            }
            assertTrue(edits.middleLinksCut > 0, "the sequence cut a middle broader link");
        }
    }

    @Test
    void the_closures_are_not_stored() throws Exception {
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            DatasetGraph ds = store.dataset();
            // Each stored pair is a one-step link: a skos:broader (stated or entailed from skos:narrower) joins its two ends.
            // Read with find(), under the query rewrite: a query naming the property would be answered with the closure.
            Node bt = SKOS.broaderTransitive.asNode();
            long[] stored = {0, 0};
            Txn.executeRead(ds, () -> ds.find(Node.ANY, Node.ANY, bt, Node.ANY).forEachRemaining(q -> {
                stored[0]++;
                if (!ds.contains(Node.ANY, q.getSubject(), SKOS.broader.asNode(), q.getObject())) {
                    stored[1]++;
                }
            }));
            long answered = Txn.calculateRead(ds, () -> count(ds, "SELECT (COUNT(*) AS ?n) { ?a skos:broaderTransitive ?b }"));
            assertEquals(0, stored[1], "every stored skos:broaderTransitive pair is one skos:broader link");
            // content moderation → ghost work → digital labour: two links, asked wherever a pattern can stand.
            for (String ask : List.of("ASK { ?a skos:broaderTransitive ?top }",
                    "ASK { FILTER EXISTS { ?a skos:broaderTransitive ?top } }",
                    "ASK { FILTER NOT EXISTS { ?a skos:broaderTransitive ?top } }",
                    "ASK { OPTIONAL { ?a ^skos:narrowerTransitive ?top } { SELECT * { ?a skos:broaderTransitive ?top } } }",
                    "ASK { GRAPH ?entailments { ?a skos:broaderTransitive ?top } }")) {
                boolean expected = !ask.contains("NOT EXISTS");
                assertEquals(expected, askTwoLinks(ds, ask), ask);
            }
            assertTrue(answered > stored[0], "the query answers the whole chain: " + answered + " pairs from " + stored[0] + " links");
            assertFalse(store.dataset().getContext().get(org.apache.jena.sparql.ARQConstants.sysOptimizerFactory) == null,
                    "the served dataset's queries go through the rewrite");
        }
    }

    @Test
    void a_store_written_with_stored_closures_drops_them_at_its_next_start() throws Exception {
        Path dir = tmp.resolve("store");
        Node a = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/content-moderation");
        Node top = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/digital-labour");
        Node bt = SKOS.broaderTransitive.asNode();
        try (LabourStore store = LabourStore.open(dir)) {
            assertFalse(ClosuresAtQueryTime.storeNeedsRefresh(dir), "a new store is marked from the start");
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            // What an earlier release stored: a two-step pair of the closure (content moderation → ghost work → digital labour).
            DatasetGraph ds = store.dataset();
            WriteTransaction.run(ds, () -> ds.add(ENTAILMENTS, a, bt, top));
        }
        Files.delete(dir.resolve(ClosuresAtQueryTime.MARKER_FILE));
        try (LabourStore store = LabourStore.open(dir)) {
            DatasetGraph ds = store.dataset();
            assertFalse(Txn.calculateRead(ds, () -> ds.contains(ENTAILMENTS, a, bt, top)), "the stored closure pair is gone");
            assertTrue(Txn.calculateRead(ds, () -> ds.contains(ENTAILMENTS, a, bt, NodeFactory.createURI(
                    "https://w3id.org/labourgraph/id/concept/ghost-work"))), "the one-step pair stays");
            assertTrue(askTwoLinks(ds, "ASK { ?a skos:broaderTransitive ?top }"), "and the query still answers it");
            assertFalse(ClosuresAtQueryTime.storeNeedsRefresh(dir), "marked once refreshed");
        }
    }

    private void assertSameAnswers(LabourStore store, List<Query> queries, String when) {
        DatasetGraph ds = store.dataset();
        DatasetGraph old = DatabaseMgr.createDatasetGraph();
        old.getContext().set(TDB2.symUnionDefaultGraph, true);
        Graph stated = GraphFactory.createDefaultGraph();
        List<Quad> statedQuads = new ArrayList<>();
        Txn.executeRead(ds, () -> ds.find().forEachRemaining(q -> {
            if (!q.getGraph().equals(ENTAILMENTS)) {
                statedQuads.add(q);
                stated.add(q.asTriple());
            }
        }));
        Txn.executeWrite(old, () -> {
            statedQuads.forEach(old::add);
            Entailments.of(stated).find().forEachRemaining(t -> old.add(ENTAILMENTS, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        for (Query query : queries) {
            List<String> expected = Txn.calculateRead(old, () -> rows(old, query));
            List<String> actual = Txn.calculateRead(ds, () -> rows(ds, query));
            assertEquals(expected, actual, when + ": " + query);
        }
    }

    /** The rows as sorted text (blank nodes by label: both datasets hold the same ones). */
    private static List<String> rows(DatasetGraph ds, Query query) {
        List<String> out = new ArrayList<>();
        try (QueryExec exec = QueryExec.dataset(ds).query(query).substitution("entailments", ENTAILMENTS).build()) {
            if (query.isAskType()) {
                return List.of(Boolean.toString(exec.ask()));
            }
            RowSet rows = exec.select();
            rows.forEachRemaining(b -> {
                Map<String, String> row = new LinkedHashMap<>();
                rows.getResultVars().forEach(v -> row.put(v.getVarName(), String.valueOf(b.get(v))));
                out.add(row.toString());
            });
        }
        out.sort(null);
        return out;
    }

    /** {@code ask} with ?a content moderation and ?top digital labour (two broader links apart), ?entailments the entailment graph. */
    private static boolean askTwoLinks(DatasetGraph ds, String ask) {
        return Txn.calculateRead(ds, () -> QueryExec.dataset(ds).query(SKOS_PREFIX + ask)
                .substitution("a", NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/content-moderation"))
                .substitution("top", NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/digital-labour"))
                .substitution("entailments", ENTAILMENTS).ask());
    }

    private static long count(DatasetGraph ds, String select) {
        try (QueryExec exec = QueryExec.dataset(ds).query(SKOS_PREFIX + select).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    private static List<Query> closureQueries() {
        return CLOSURE_QUERIES.stream().map(q -> QueryFactory.create(SKOS_PREFIX + q)).toList();
    }

    private static List<Query> exampleQueries() throws IOException {
        try (Stream<Path> files = Files.list(ProjectPaths.root().resolve("queries"))) {
            List<Query> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                if (!VARIABLE_PREDICATE_QUERIES.contains(f.getFileName().toString())) {
                    out.add(QueryFactory.create(Files.readString(f)));
                }
            }
            assertTrue(out.size() >= 15, "the example queries are read: " + out.size());
            return out;
        }
    }
}
