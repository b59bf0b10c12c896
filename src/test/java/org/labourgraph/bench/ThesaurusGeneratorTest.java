package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.ProjectPaths;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.ValidationReport;
import org.labourgraph.validate.Validator;
import org.labourgraph.vocab.LG;

class ThesaurusGeneratorTest {

    private static byte[] generate(long triples, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ThesaurusGenerator.forTriples(triples, seed).write(out, n -> {});
        return out.toByteArray();
    }

    private static Graph parse(byte[] ntriples) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(graph, new ByteArrayInputStream(ntriples), Lang.NTRIPLES);
        return graph;
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
        byte[] first = generate(20_000, 42);
        assertArrayEquals(first, generate(20_000, 42));
        assertFalse(java.util.Arrays.equals(first, generate(20_000, 43)));
    }

    @ParameterizedTest
    @ValueSource(longs = {3_000, 100_000})
    void the_triple_count_is_within_three_percent_of_the_target(long target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = ThesaurusGenerator.forTriples(target, 7).write(out, n -> {});
        Graph graph = parse(out.toByteArray());
        assertEquals(written, graph.size(), "the count it reports is the count in the file (no duplicate triple)");
        assertTrue(Math.abs(graph.size() - target) <= 0.03 * target, () -> graph.size() + " triples for a target of " + target);
    }

    @Test
    void labels_carry_accents_in_french_and_concepts_use_the_project_iris() {
        String text = new String(generate(5_000, 1), StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s).*\"[^\"]*[éèàœô][^\"]*\"@fr.*"), "no accented French label");
        assertTrue(text.contains("<" + LG.CONCEPT_NS), "no concept under " + LG.CONCEPT_NS);
        assertTrue(text.contains("<https://w3id.org/labourgraph/id/person/"), "no person");
        assertTrue(text.contains("<https://w3id.org/labourgraph/id/work/"), "no work");
    }

    @Test
    void one_scheme_with_one_top_concept_and_every_concept_in_a_tree_under_it() {
        ThesaurusGenerator generator = ThesaurusGenerator.forTriples(10_000, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.write(out, n -> {});
        Graph graph = parse(out.toByteArray());
        Node scheme = NodeFactory.createURI(LG.SCHEME_IRI);
        assertEquals(1, graph.find(scheme, SKOS.hasTopConcept.asNode(), Node.ANY).toList().size());
        long concepts = graph.find(Node.ANY, RDF.type.asNode(), SKOS.Concept.asNode()).toList().size();
        assertEquals(generator.concepts(), concepts, "one IRI per concept");
        long withBroader = graph.find(Node.ANY, SKOS.broader.asNode(), Node.ANY).toList().size();
        assertEquals(concepts - 1, withBroader, "every concept but the top one has one broader concept");
        assertEquals(withBroader, graph.find(Node.ANY, SKOS.narrower.asNode(), Node.ANY).toList().size(),
                "every broader link is stated back as narrower");
    }

    @Test
    void a_small_thesaurus_passes_the_project_shapes_with_the_ontology() {
        Graph union = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(union, parse(generate(3_000, 11)));
        RDFDataMgr.read(union, ProjectPaths.root().resolve("ontology/labourgraph.ttl").toString());
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(ProjectPaths.root().resolve("ontology/shapes.ttl").toString()));

        ValidationReport report = Validator.validate(union, shapes);

        assertTrue(report.clean(), () -> report.summary() + "\n"
                + report.findings().stream().limit(20).map(Finding::toString).collect(Collectors.joining("\n")));
    }
}
