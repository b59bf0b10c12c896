package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.ProjectPaths;
import org.labourgraph.ShippedStore;
import org.labourgraph.source.SourceSet;
import org.labourgraph.sparql.LabelIndexLookup;
import org.labourgraph.store.LabourStore;

/**
 * The label-uniqueness constraint checked through the text index gives exactly the findings of the constraint as
 * written (which reads every label of the store), on labels that differ in case, language, accents, on retired
 * concepts and on resources that are not concepts.
 */
class LabelUniquenessTest {
    private static final String C = "https://w3id.org/labourgraph/id/concept/";
    private static final String TWINS = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix owl:  <http://www.w3.org/2002/07/owl#> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            @prefix c: <https://w3id.org/labourgraph/id/concept/> .
            c:t-one a skos:Concept ; skos:prefLabel "Travail en miettes"@fr ; skos:altLabel "crumbs"@en .
            c:t-two a skos:Concept ; skos:prefLabel "travail EN MIETTES"@en .
            c:t-three a skos:Concept ; skos:hiddenLabel "Travail en miettés"@fr .
            c:t-four a skos:Concept ; owl:deprecated true ; skos:prefLabel "travail en miettes"@de .
            c:t-five a skos:Concept ; skos:prefLabel "crumbs"@fr ; skos:hiddenLabel "— ! —"@fr .
            c:t-six a skos:Concept ; skos:altLabel "— ! —"@en ; skos:prefLabel "travail en miettes et en ligne"@fr .
            <https://w3id.org/labourgraph/id/person/t-crumbs> a foaf:Person ; skos:prefLabel "Crumbs"@en .
            """;
    private static LabourStore store;
    private static ResourceShapes shapes;

    @BeforeAll
    static void load() throws Exception {
        SourceSet sources = SourceSet.discover(ProjectPaths.root());
        store = ShippedStore.load();
        Graph twins = GraphFactory.createDefaultGraph();
        RDFParser.fromString(TWINS, Lang.TURTLE).parse(twins);
        store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/twins", twins), false);
        shapes = ResourceShapes.load(sources.shapes()).orElseThrow();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Set<Finding> checked(Node focus, LabelLookup lookup) {
        return Txn.calculateRead(store.dataset(), () ->
                new HashSet<>(shapes.check(store.dataset().getUnionGraph(), List.of(focus), lookup)));
    }

    @Test
    void the_index_look_up_finds_what_the_constraint_as_written_finds() {
        LabelLookup index = new LabelIndexLookup(store.dataset(), Duration.ofSeconds(30));
        LabelLookup scan = label -> Optional.empty(); // the constraint as written, over every label
        int twinFindings = 0;
        for (String name : List.of("t-one", "t-two", "t-three", "t-four", "t-five", "t-six", "ghost-work")) {
            Node focus = NodeFactory.createURI(C + name);
            Set<Finding> byIndex = checked(focus, index);
            assertEquals(checked(focus, scan), byIndex, name);
            twinFindings += (int) byIndex.stream().filter(f -> f.message().contains("is also a label of another concept")).count();
        }
        // t-one ↔ t-two (case, language), t-one ↔ t-five ("crumbs"), t-five ↔ t-six (no word: found by the scan):
        // six findings, one per side; the person and the retired concept make none.
        assertEquals(6, twinFindings);
    }

    @Test
    void a_label_shared_with_another_concept_is_found_ignoring_case_and_language() {
        Set<Finding> found = checked(NodeFactory.createURI(C + "t-two"), new LabelIndexLookup(store.dataset(), Duration.ofSeconds(30)));
        assertTrue(found.stream().anyMatch(f -> f.message().contains("t-one")), found.toString());
        assertFalse(found.stream().anyMatch(f -> f.message().contains("t-three") || f.message().contains("t-four")),
                "accents count, and a retired concept may keep the label: " + found);
    }

    @Test
    void the_index_answers_candidates_without_scanning() {
        LabelIndexLookup index = new LabelIndexLookup(store.dataset(), Duration.ofSeconds(30));
        Optional<Set<Node>> crumbs = Txn.calculateRead(store.dataset(), () -> index.resourcesPossiblyLabelled(List.of("CRUMBS")));
        assertTrue(crumbs.isPresent());
        assertTrue(crumbs.get().containsAll(Set.of(NodeFactory.createURI(C + "t-one"), NodeFactory.createURI(C + "t-five"))), crumbs.toString());
        assertTrue(Txn.calculateRead(store.dataset(), () -> index.resourcesPossiblyLabelled(List.of("— ! —"))).isEmpty(),
                "a label with no word is left to the scan");
    }

    @Test
    void one_look_up_for_several_labels_finds_what_a_look_up_per_label_finds() {
        LabelIndexLookup index = new LabelIndexLookup(store.dataset(), Duration.ofSeconds(30));
        List<String> labels = List.of("CRUMBS", "ghost work", "travail fantôme", "a phrase no label has");
        Set<Node> each = new HashSet<>();
        for (String label : labels) {
            each.addAll(Txn.calculateRead(store.dataset(), () -> index.resourcesPossiblyLabelled(List.of(label))).orElseThrow());
        }
        Set<Node> once = Txn.calculateRead(store.dataset(), () -> index.resourcesPossiblyLabelled(labels)).orElseThrow();
        assertEquals(each, once);
        assertTrue(once.contains(NodeFactory.createURI(C + "ghost-work")) && once.contains(NodeFactory.createURI(C + "t-one")), once.toString());
    }
}
