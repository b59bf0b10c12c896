package org.labourgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/** Every dump format, written by RDF4J Rio, is read back by Jena (or Rio for its binary format) and equals the store. */
class DumpRoundTripTest {
    static final String CONTEXT_URL = "https://w3id.org/labourgraph/context.jsonld";
    static LabourStore store;

    @BeforeAll
    static void load() {
        store = StoreFixture.loadedStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static byte[] dump(ExportScope scope, DumpFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfExport.write(store.dataset(), scope, format, out, CONTEXT_URL, ExportListener.NONE);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = DumpFormat.class, names = {"NQUADS", "TRIG"})
    void quad_dumps_read_back_by_jena_hold_every_public_named_graph_as_in_the_store(DumpFormat format) {
        byte[] bytes = dump(ExportScope.allPublic(store.dataset()), format);
        DatasetGraph read = StoreFixture.canonical(RDFParser.source(new ByteArrayInputStream(bytes)).lang(jenaLang(format)).toDatasetGraph());
        DatasetGraph expected = StoreFixture.publicQuads();
        assertTrue(IsoMatcher.isomorphic(expected, read), format + " dump differs from the store's public graphs");
        assertFalse(read.containsGraph(NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH)), "entailments are not exported");
    }

    @ParameterizedTest
    @EnumSource(value = DumpFormat.class, names = {"TURTLE", "NTRIPLES", "RDFXML", "JSONLD"})
    void triple_dumps_read_back_by_jena_equal_the_merge_of_the_public_graphs(DumpFormat format) {
        byte[] bytes = dump(ExportScope.allPublic(store.dataset()), format);
        Graph read = StoreFixture.canonical(DatasetGraphFactory.wrap(readTriples(bytes, format))).getDefaultGraph();
        Graph expected = StoreFixture.publicTriples();
        assertEquals(expected.size(), read.size(), format + ": triple count");
        assertTrue(expected.isIsomorphicWith(read), format + " dump differs from the store's public graphs");
    }

    @Test
    void the_binary_dump_read_back_by_rio_holds_every_public_named_graph() {
        byte[] bytes = dump(ExportScope.allPublic(store.dataset()), DumpFormat.BINARY);
        DatasetGraph read = StoreFixture.canonical(ExportTestSupport.readBinary(bytes));
        assertTrue(IsoMatcher.isomorphic(StoreFixture.publicQuads(), read));
    }

    @Test
    void the_turtle_dump_declares_the_project_prefixes_and_groups_statements_by_subject() {
        String ttl = new String(dump(ExportScope.allPublic(store.dataset()), DumpFormat.TURTLE), StandardCharsets.UTF_8);
        assertTrue(ttl.contains("@prefix lgc: <https://w3id.org/labourgraph/id/concept/>"), ttl.substring(0, 400));
        assertTrue(ttl.contains("lgc:ghost-work a "), "pretty-printed with prefixed names");
        assertTrue(ttl.contains(";\n  "), "predicates of one subject grouped with ';'");
    }

    @Test
    void the_json_ld_dump_is_compacted_and_refers_to_the_published_context() {
        String json = new String(dump(ExportScope.allPublic(store.dataset()), DumpFormat.JSONLD), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"@context\": \"" + CONTEXT_URL + "\"") || json.contains("\"@context\":\"" + CONTEXT_URL + "\""),
                json.substring(0, 200));
        assertTrue(json.contains("\"lgc:ghost-work\""), "IRIs compacted with the project's prefixes");
        assertTrue(JsonLdContext.document().contains("\"lgc\""), "the published context maps the prefixes");
    }

    @Test
    void one_graph_can_be_exported_alone() {
        String g = LG.GRAPH_NS + "works";
        byte[] bytes = dump(ExportScope.graph(store.dataset(), g), DumpFormat.NQUADS);
        DatasetGraph read = RDFParser.source(new ByteArrayInputStream(bytes)).lang(Lang.NQUADS).toDatasetGraph();
        assertEquals(1, countGraphs(read));
        Node gn = NodeFactory.createURI(g);
        long expected = Txn.calculateRead(store.dataset(), () -> (long) store.dataset().getGraph(gn).size());
        assertEquals(expected, read.getGraph(gn).size());
    }

    @Test
    void the_skos_dump_holds_the_scheme_concepts_labels_definitions_and_hierarchy_only() {
        byte[] bytes = dump(ExportScope.skos(store.dataset()), DumpFormat.TURTLE);
        Graph g = readTriples(bytes, DumpFormat.TURTLE);
        Node ghost = NodeFactory.createURI(LG.CONCEPT_NS + "ghost-work");
        assertTrue(g.contains(ghost, RDF.type.asNode(), SKOS.Concept.asNode()), "explicit skos:Concept type");
        assertTrue(g.contains(ghost, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("travail fantôme", "fr")));
        assertTrue(g.contains(ghost, SKOS.broader.asNode(), NodeFactory.createURI(LG.TOP_CONCEPT_IRI)));
        assertTrue(g.contains(ghost, SKOS.definition.asNode(), Node.ANY));
        assertTrue(g.contains(NodeFactory.createURI(LG.SCHEME_IRI), RDF.type.asNode(), SKOS.ConceptScheme.asNode()));
        g.find().forEachRemaining(t -> assertTrue(t.getPredicate().getURI().startsWith(SKOS.getURI())
                || t.getPredicate().equals(RDF.type.asNode()) || t.getSubject().getURI().equals(LG.SCHEME_IRI), t::toString));
        g.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> assertTrue(
                t.getObject().equals(SKOS.Concept.asNode()) || t.getObject().equals(SKOS.ConceptScheme.asNode()), t::toString));
    }

    @Test
    void the_entailment_graph_cannot_be_exported_on_its_own() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExportScope.graph(store.dataset(), LabourStore.ENTAILMENT_GRAPH));
        assertTrue(e.getMessage().contains("never exported"), e.getMessage());
    }

    static long countGraphs(DatasetGraph dsg) {
        long[] n = {0};
        dsg.listGraphNodes().forEachRemaining(x -> n[0]++);
        return n[0];
    }

    static Lang jenaLang(DumpFormat format) {
        return switch (format) {
            case TURTLE -> Lang.TURTLE;
            case NTRIPLES -> Lang.NTRIPLES;
            case NQUADS -> Lang.NQUADS;
            case TRIG -> Lang.TRIG;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
            case BINARY -> throw new IllegalArgumentException("Jena does not read RDF4J binary");
        };
    }

    /** Reads a triple dump with Jena; the JSON-LD context URL is answered locally with the published context. */
    static Graph readTriples(byte[] bytes, DumpFormat format) {
        var parser = RDFParser.source(new ByteArrayInputStream(bytes)).lang(jenaLang(format));
        if (format == DumpFormat.JSONLD) {
            parser.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions((url, options) -> {
                if (!url.toString().equals(CONTEXT_URL) && !url.getPath().equals("/context.jsonld")) {
                    throw new com.apicatalog.jsonld.JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                            "unexpected remote document " + url);
                }
                try {
                    return JsonDocument.of(new StringReader(JsonLdContext.document()));
                } catch (com.apicatalog.jsonld.JsonLdError e) {
                    throw e;
                }
            }));
        }
        return parser.toGraph();
    }
}
