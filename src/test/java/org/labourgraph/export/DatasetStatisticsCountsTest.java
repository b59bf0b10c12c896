package org.labourgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.bench.ThesaurusGenerator;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/**
 * The dataset description's counts come from the store's indexes (store/IndexCensus), not SPARQL: they must be the
 * numbers the VoID queries define (kept as test resources, the reference): triples counted once across graphs,
 * the entailment graph and private graphs left out, classes and properties partitioned.
 */
class DatasetStatisticsCountsTest {
    private static final Query COUNTS = DatasetStatistics.load("void-counts.rq");
    private static final Query ENTITIES = DatasetStatistics.load("void-entities.rq");
    private static final Query CLASSES = DatasetStatistics.load("void-class-partitions.rq");
    private static final Query PROPERTIES = DatasetStatistics.load("void-property-partitions.rq");
    private static final Query GRAPHS = DatasetStatistics.load("void-graphs.rq");

    @TempDir
    Path tmp;

    @Test
    void the_counts_of_the_shipped_data_with_shared_blank_private_and_foreign_statements_are_the_void_queries_counts() {
        try (LabourStore store = StoreFixture.loadedStore()) {
            Graph extra = RDFParser.fromString("""
                    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                    @prefix dcterms: <http://purl.org/dc/terms/> .
                    @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                    <%s> skos:prefLabel "Travail fantôme"@fr ; a skos:Concept .
                    <https://example.org/elsewhere/thing> a skos:Concept, [ a <https://example.org/Kind> ] ;
                        dcterms:subject [ skos:prefLabel "anonyme"@fr ] ; <https://example.org/count> 42 .
                    <https://w3id.org/labourgraph/graph/shared> dcterms:license <https://creativecommons.org/licenses/by/4.0/>,
                        <https://creativecommons.org/publicdomain/zero/1.0/> .
                    """.formatted(LG.TOP_CONCEPT_IRI), Lang.TURTLE).toGraph();
            Graph secret = RDFParser.fromString("""
                    @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                    <https://w3id.org/labourgraph/id/note/n1> a lg:Note ; lg:visibility lg:Private .
                    """, Lang.TURTLE).toGraph();
            // Written under the store's guards, as PrivateGraphsTest does: the counts must leave such a graph out anyway.
            writeGraph(store, LG.GRAPH_NS + "shared", extra);
            writeGraph(store, LG.GRAPH_NS + "private-notes", secret);

            assertCountsAreTheQueries(store);
        }
    }

    @Test
    void the_counts_of_a_generated_thesaurus_with_its_entailments_are_the_void_queries_counts() throws Exception {
        Path file = tmp.resolve("thesaurus.nt");
        ThesaurusGenerator.forTriples(20_000, 11).write(file, n -> {});
        try (LabourStore store = StoreFixture.loadedStore()) {
            store.importFiles(List.of(new LabourStore.FileImport(file, Lang.NTRIPLES, LG.GRAPH_NS + "import/generated")), false, n -> {});
            DatasetStatistics stats = assertCountsAreTheQueries(store);
            assertTrue(stats.triples() > 20_000, "the generated graph is counted: " + stats.triples());
        }
    }

    private static void writeGraph(LabourStore store, String graphIri, Graph content) {
        Node g = org.apache.jena.graph.NodeFactory.createURI(graphIri);
        Txn.executeWrite(store.dataset(), () -> content.find().forEachRemaining(t -> store.dataset().add(g, t.getSubject(), t.getPredicate(), t.getObject())));
    }

    private static DatasetStatistics assertCountsAreTheQueries(LabourStore store) {
        DatasetStatistics stats = DatasetStatistics.compute(store.dataset());
        Txn.executeRead(store.dataset(), () -> {
            Binding counts = rows(store, COUNTS, null, null).get(0);
            assertEquals(number(counts, "triples"), stats.triples(), "triples");
            assertEquals(number(counts, "distinctSubjects"), stats.distinctSubjects(), "distinct subjects");
            assertEquals(number(counts, "distinctObjects"), stats.distinctObjects(), "distinct objects");
            assertEquals(number(counts, "properties"), stats.properties(), "properties");
            Binding entities = rows(store, ENTITIES, Var.alloc("uriSpace"), org.apache.jena.graph.NodeFactory.createLiteralString(DatasetStatistics.URI_SPACE)).get(0);
            assertEquals(number(entities, "entities"), stats.entities(), "entities");
            assertEquals(partition(store, CLASSES, "class", "entities"), new TreeMap<>(stats.classPartitions()), "class partitions");
            assertEquals(partition(store, PROPERTIES, "property", "triples"), new TreeMap<>(stats.propertyPartitions()), "property partitions");
            Map<String, Long> graphSizes = partition(store, GRAPHS, "g", "triples");
            Map<String, Long> counted = new TreeMap<>();
            stats.graphs().forEach(g -> counted.put(g.iri(), g.triples()));
            assertEquals(graphSizes, counted, "graph sizes");
            assertEquals(graphSizes.values().stream().mapToLong(Long::longValue).sum(), stats.quads(), "quads");
        });
        assertTrue(stats.graphs().stream().noneMatch(g -> g.iri().equals(LG.GRAPH_NS + "private-notes")
                || g.iri().equals(LabourStore.ENTAILMENT_GRAPH)), "neither private graphs nor the entailments are counted");
        return stats;
    }

    private static Map<String, Long> partition(LabourStore store, Query query, String key, String count) {
        Map<String, Long> out = new TreeMap<>();
        rows(store, query, null, null).forEach(row -> out.merge(row.get(key).getURI(), number(row, count), (a, b) -> a));
        return out;
    }

    private static List<Binding> rows(LabourStore store, Query query, Var var, Node value) {
        List<Binding> out = new java.util.ArrayList<>();
        DatasetStatistics.select(store.dataset(), query, var, value, out::add);
        return out;
    }

    private static long number(Binding row, String var) {
        return ((Number) row.get(var).getLiteralValue()).longValue();
    }
}
