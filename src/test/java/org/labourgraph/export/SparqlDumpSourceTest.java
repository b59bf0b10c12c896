package org.labourgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/**
 * A dump read by SPARQL ({@link SparqlDumpSource}, what an external store is read with) holds what the dump read from
 * the store's indexes holds, in every format, for the SKOS view and the mapping set, here both over the same store (with
 * a private graph written past the store's guard, which neither may export).
 */
class SparqlDumpSourceTest {
    static final String PRIVATE_GRAPH = LG.GRAPH_NS + "private-notes";
    static LabourStore store;
    static DumpSource bySparql;

    @BeforeAll
    static void load() {
        store = StoreFixture.loadedStore();
        Graph g = RDFParser.fromString("""
                @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <https://w3id.org/labourgraph/id/note/secret-draft> a lg:Note, skos:Concept ; lg:visibility lg:Private ;
                    skos:prefLabel "Secret draft"@en .
                """, Lang.TURTLE).toGraph();
        Node graph = NodeFactory.createURI(PRIVATE_GRAPH);
        Txn.executeWrite(store.dataset(), () -> g.find().forEachRemaining(t ->
                store.dataset().add(graph, t.getSubject(), t.getPredicate(), t.getObject())));
        bySparql = new SparqlDumpSource(new QueryRunner(store.dataset(), Duration.ofSeconds(60)));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void the_public_graphs_are_the_same_without_the_entailments_and_the_private_graph() {
        List<String> graphs = bySparql.publicGraphs();
        assertEquals(ExportScope.publicGraphs(store.dataset()), graphs);
        assertFalse(graphs.contains(PRIVATE_GRAPH));
        assertFalse(graphs.contains(LabourStore.ENTAILMENT_GRAPH));
        assertTrue(graphs.size() >= 5, "ontology/ and data/ make the public graphs: " + graphs);
    }

    @Test
    void every_format_read_by_sparql_holds_the_statements_read_from_the_indexes() {
        List<String> differing = new ArrayList<>();
        for (DumpFormat f : DumpFormat.values()) {
            DatasetGraph indexes = dump(new DatasetDumpSource(store.dataset()), false, f);
            DatasetGraph sparql = dump(bySparql, false, f);
            assertTrue(indexes.find().hasNext(), f + " dump is empty");
            if (!IsoMatcher.isomorphic(indexes, sparql)) {
                differing.add(f.extension());
            }
        }
        assertEquals(List.of(), differing, "formats whose dump read by SPARQL differs");
    }

    @Test
    void the_skos_view_read_by_sparql_is_the_one_read_from_the_indexes() {
        DatasetGraph indexes = dump(new DatasetDumpSource(store.dataset()), true, DumpFormat.TURTLE);
        DatasetGraph sparql = dump(bySparql, true, DumpFormat.TURTLE);
        assertTrue(indexes.getDefaultGraph().size() > 100, "the thesaurus has concepts");
        assertTrue(IsoMatcher.isomorphic(indexes, sparql), "the same SKOS statements");
        assertFalse(new String(bytes(bySparql, true, DumpFormat.NTRIPLES), StandardCharsets.UTF_8).contains("secret-draft"));
    }

    @Test
    void the_mapping_set_read_by_sparql_has_the_same_rows() throws IOException {
        ByteArrayOutputStream indexes = new ByteArrayOutputStream();
        MappingSet.write(store.dataset(), "https://example.org/", indexes);
        ByteArrayOutputStream sparql = new ByteArrayOutputStream();
        MappingSet.write(new QueryRunner(store.dataset(), Duration.ofSeconds(60)), bySparql.publicGraphs(), "https://example.org/", sparql);
        assertTrue(indexes.toString(StandardCharsets.UTF_8).lines().count() > 10, "the data has mappings");
        assertEquals(indexes.toString(StandardCharsets.UTF_8), sparql.toString(StandardCharsets.UTF_8));
    }

    private static DatasetGraph dump(DumpSource source, boolean skos, DumpFormat format) {
        return ExportTestSupport.read(bytes(source, skos, format), format.extension());
    }

    private static byte[] bytes(DumpSource source, boolean skos, DumpFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportScope scope = skos ? ExportScope.skos(source) : ExportScope.allPublic(source);
        RdfExport.write(source, scope, format, out, "https://example.org/context.jsonld", ExportListener.NONE);
        return out.toByteArray();
    }
}
