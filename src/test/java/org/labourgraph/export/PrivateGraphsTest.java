package org.labourgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/** A graph that holds a private note is never exported, counted or listed. */
class PrivateGraphsTest {
    static final String PRIVATE_GRAPH = LG.GRAPH_NS + "private-notes";
    static final String SECRET = LG.ID_NS + "note/secret-draft";
    static LabourStore store;

    @BeforeAll
    static void load() {
        store = StoreFixture.loadedStore();
        Graph g = RDFParser.fromString("""
                @prefix lg: <https://w3id.org/labourgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <%s> a lg:Note ; lg:visibility lg:Private ; rdfs:label "Brouillon secret"@fr, "Secret draft"@en .
                """.formatted(SECRET), Lang.TURTLE).toGraph();
        // Written past the store's guard (which refuses private content in the public store): if a private graph
        // ever got there, the exports must still leave it out.
        org.apache.jena.graph.Node graph = org.apache.jena.graph.NodeFactory.createURI(PRIVATE_GRAPH);
        org.apache.jena.system.Txn.executeWrite(store.dataset(), () -> g.find().forEachRemaining(t ->
                store.dataset().add(graph, t.getSubject(), t.getPredicate(), t.getObject())));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void no_dump_format_holds_a_private_graph_or_its_statements() {
        assertFalse(ExportScope.publicGraphs(store.dataset()).contains(PRIVATE_GRAPH));
        for (DumpFormat f : DumpFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RdfExport.write(store.dataset(), ExportScope.allPublic(store.dataset()), f, out, "https://example.org/c", ExportListener.NONE);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("secret-draft") || text.contains("Secret draft"), f + " leaks the private note");
        }
    }

    @Test
    void the_dataset_statistics_and_the_sitemap_leave_private_graphs_out() {
        DatasetStatistics stats = DatasetStatistics.compute(store.dataset());
        assertTrue(stats.graphs().stream().noneMatch(g -> g.iri().equals(PRIVATE_GRAPH)));
        assertEquals(StoreFixture.publicTriples().size(), stats.triples());
        List<String> listed = new ArrayList<>();
        PublicResources.forEach(store.dataset(), LG.ID_NS, listed::add);
        assertFalse(listed.contains(SECRET));
        assertTrue(listed.contains(LG.TOP_CONCEPT_IRI));
    }
}
