package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** What the entailment graph adds, rule by rule, and that it never repeats an asserted triple. */
class EntailmentsTest {
    static final String DATA = """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix lg: <https://w3id.org/labourgraph/ontology#> .
            @prefix ex: <http://example.org/> .
            lg:LabourForm rdfs:subClassOf skos:Concept .
            lg:coinedIn rdfs:subPropertyOf dcterms:source .
            dcterms:source rdfs:subPropertyOf ex:origin .
            lg:coinedBy owl:inverseOf lg:coined .
            lg:discussedIn owl:inverseOf lg:discusses .
            ex:a a lg:LabourForm ; skos:broader ex:b ; lg:coinedIn ex:book ; lg:coinedBy ex:gray ; skos:related ex:x .
            ex:b skos:broader ex:top .
            ex:book dcterms:subject ex:a .
            """;

    static Graph entailed() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(DATA, Lang.TURTLE).parse(g);
        return Entailments.of(g);
    }

    static boolean has(Graph g, String s, String p, String o) {
        return g.contains(Triple.create(NodeFactory.createURI(s), NodeFactory.createURI(p), NodeFactory.createURI(o)));
    }

    static final String EX = "http://example.org/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String LG = "https://w3id.org/labourgraph/ontology#";

    @Test
    void types_follow_sub_classes_and_values_follow_super_properties_transitively() {
        Graph g = entailed();
        assertTrue(has(g, EX + "a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", SKOS + "Concept"));
        assertTrue(has(g, EX + "a", "http://purl.org/dc/terms/source", EX + "book"));
        assertTrue(has(g, EX + "a", EX + "origin", EX + "book"));
    }

    @Test
    void inverse_and_symmetric_properties_are_stated_both_ways() {
        Graph g = entailed();
        assertTrue(has(g, EX + "gray", LG + "coined", EX + "a"));
        assertTrue(has(g, EX + "b", SKOS + "narrower", EX + "a"));
        assertTrue(has(g, EX + "x", SKOS + "related", EX + "a"));
    }

    @Test
    void broader_transitive_is_closed_and_has_its_inverse() {
        Graph g = entailed();
        assertTrue(has(g, EX + "a", SKOS + "broaderTransitive", EX + "top"));
        assertTrue(has(g, EX + "top", SKOS + "narrowerTransitive", EX + "a"));
        assertFalse(has(g, EX + "a", SKOS + "broader", EX + "top"), "broader itself is not transitive");
    }

    @Test
    void a_work_whose_subject_is_a_concept_discusses_it_and_the_concept_knows() {
        Graph g = entailed();
        assertTrue(has(g, EX + "book", LG + "discusses", EX + "a"));
        assertTrue(has(g, EX + "a", LG + "discussedIn", EX + "book"));
    }

    @Test
    void nothing_asserted_is_repeated() {
        Graph g = entailed();
        assertFalse(has(g, EX + "a", SKOS + "broader", EX + "b"));
        assertFalse(has(g, EX + "book", "http://purl.org/dc/terms/subject", EX + "a"));
    }
}
