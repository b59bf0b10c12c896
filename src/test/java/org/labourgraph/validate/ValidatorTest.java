package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import org.labourgraph.source.SourceParser;
import org.labourgraph.source.SourceSet;
import org.labourgraph.validate.Finding.Check;

/** Each test seeds one defect into the clean fixture tree and checks the finding that names it. */
class ValidatorTest {
    private static final String LGC = "https://w3id.org/labourgraph/id/concept/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String LG = "https://w3id.org/labourgraph/ontology#";

    @TempDir
    Path dir;

    private FixtureTree tree;

    @BeforeEach
    void copyFixture() {
        tree = FixtureTree.copyInto(dir);
    }

    private ValidationReport validate() {
        return Validator.validate(SourceSet.discover(tree.root()));
    }

    /** The one finding of this check on this focus and path; fails listing the report otherwise. */
    private static Finding only(ValidationReport report, Check check, String focus, String path) {
        List<Finding> matching = report.findings().stream()
                .filter(f -> f.check() == check && focus.equals(f.focus()) && (path == null || path.equals(f.path())))
                .toList();
        if (matching.size() != 1) {
            fail("expected one " + check + " finding on " + focus + " " + path + ", report:\n"
                    + String.join("\n", report.findings().stream().map(Finding::toString).toList()));
        }
        return matching.get(0);
    }

    @Test
    void the_clean_fixture_tree_validates_clean() {
        ValidationReport report = validate();
        assertTrue(report.clean(), () -> String.join("\n", report.findings().stream().map(Finding::toString).toList()));
        assertEquals(3, report.fileCount());
        assertTrue(report.tripleCount() > 50, "triples: " + report.tripleCount());
        assertEquals(List.of(), report.notes());
    }

    @Test
    void syntax_error_is_reported_with_file_line_and_column_and_nothing_else_runs() {
        tree.replace("data/concepts.ttl", "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;",
                "skos:prefLabel \"micro-work\"@en ;"); // a SHACL and SKOS defect that must go unreported
        Path broken = tree.write("data/broken.ttl", "@prefix lgc: <https://w3id.org/labourgraph/id/concept/> .\n"
                + "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n"
                + "lgc:broken skos:prefLabel \"broken\"@en ;\n"
                + "    skos:broader lgx:nowhere .\n");
        ValidationReport report = validate();
        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals(Check.SYNTAX, finding.check());
        assertEquals(broken + ":5:18: Undefined prefix: lgx", finding.toString());
        assertEquals(0, report.count(Check.SHACL));
        assertEquals(0, report.count(Check.SKOS));
        assertTrue(report.notes().get(0).contains("did not run"), report.notes().toString());
    }

    @Test
    void every_file_with_a_syntax_error_is_reported() {
        tree.write("data/one.ttl", "<a> <b> .\n");
        tree.write("data/two.nt", "<http://example.org/a> <http://example.org/b> \"unterminated .\n");
        tree.replace("ontology/shapes.ttl", "lgsh:TierShape a sh:NodeShape ;", "lgsh:TierShape a sh:NodeShape");
        ValidationReport report = validate();
        assertEquals(3, report.count(Check.SYNTAX), report.findings().toString());
        assertTrue(report.findings().stream().allMatch(f -> f.focus().matches(".*\\.(ttl|nt):\\d+:\\d+")),
                report.findings().toString());
    }

    @Test
    void a_file_with_an_unknown_extension_is_a_syntax_finding() {
        Path notes = tree.write("data/notes.tll", "# meant to be Turtle\n");
        Finding finding = only(validate(), Check.SYNTAX, notes.toString(), null);
        assertTrue(finding.message().startsWith("cannot tell the RDF syntax from the extension 'tll'"), finding.message());
    }

    @Test
    void missing_french_preflabel_is_reported_naming_the_concept() {
        tree.replace("data/concepts.ttl", "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;",
                "skos:prefLabel \"micro-work\"@en ;");
        ValidationReport report = validate();
        Finding skos = only(report, Check.SKOS, LGC + "micro-work", SKOS + "prefLabel");
        assertTrue(skos.message().contains("has no skos:prefLabel in 'fr'"), skos.message());
        assertTrue(skos.toString().startsWith("SKOS lgc:micro-work skos:prefLabel: concept lgc:micro-work “micro-work”"),
                skos.toString());
        // The fixture shape on skos:Concept reaches this lg:LabourForm through rdfs:subClassOf.
        Finding shacl = only(report, Check.SHACL, LGC + "micro-work", SKOS + "prefLabel");
        assertTrue(shacl.message().startsWith("a concept needs a French skos:prefLabel"), shacl.message());
        assertEquals(2, report.findings().size(), report.findings().toString());
    }

    @Test
    void broader_cycle_is_reported_naming_both_concepts() {
        tree.append("data/concepts.ttl", "lgc:digital-labour skos:broader lgc:ghost-work .");
        ValidationReport report = validate();
        Finding cycle = only(report, Check.SKOS, LGC + "digital-labour", SKOS + "broader");
        assertTrue(cycle.message().startsWith("skos:broader cycle lgc:digital-labour “digital labour” → lgc:ghost-work"
                + " “ghost work” → lgc:digital-labour: a concept cannot be broader than itself"), cycle.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void broader_cycle_stated_with_narrower_is_found_too() {
        tree.append("data/concepts.ttl", "lgc:click-work skos:narrower lgc:ghost-work .");
        Finding cycle = only(validate(), Check.SKOS, LGC + "click-work", SKOS + "broader");
        assertTrue(cycle.message().contains("lgc:click-work “click-work” → lgc:ghost-work “ghost work” → lgc:click-work"),
                cycle.message());
    }

    @Test
    void shacl_violation_is_reported_with_focus_path_and_message() {
        tree.replace("data/concepts.ttl", "lg:tier lgt:2 ;\n    dcterms:source lgn:note ;\n    skos:broader lgc:ghost-work ;\n"
                + "    skos:related lgc:micro-work .", "dcterms:source lgn:note ;\n    skos:broader lgc:ghost-work ;\n"
                + "    skos:related lgc:micro-work .");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SHACL, LGC + "click-work", LG + "tier");
        assertTrue(finding.message().startsWith("minCount[1]"), finding.message());
        assertTrue(finding.message().endsWith("(“click-work”, shape https://w3id.org/labourgraph/shapes#LabourFormShape)"),
                finding.message());
        assertEquals("SHACL lgc:click-work lg:tier: " + finding.message(), finding.toString());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void statements_with_a_sub_property_satisfy_a_shape_on_its_super_property() {
        // ghost-work states only lg:coinedIn (rdfs:subPropertyOf dcterms:source): clean, as the first test shows.
        tree.replace("data/concepts.ttl", "    lg:coinedIn lgw:ghost-work ;\n", "");
        Finding finding = only(validate(), Check.SHACL, LGC + "ghost-work", "http://purl.org/dc/terms/source");
        assertTrue(finding.message().startsWith("minCount[1]"), finding.message());
    }

    @Test
    void orphan_concept_is_reported() {
        tree.append("data/concepts.ttl", "lgc:orphan a skos:Concept ; skos:prefLabel \"orphelin\"@fr, \"orphan\"@en ;"
                + " skos:inScheme lgc:scheme ; dcterms:source lgn:note .");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SKOS, LGC + "orphan", SKOS + "broader");
        assertTrue(finding.message().contains("“orphan” is outside the hierarchy"), finding.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void a_retired_concept_and_a_member_of_a_collection_are_not_orphans() {
        // Issue #22: retired concepts (owl:deprecated) leave every tree; editorial collections group concepts
        // outside the broader tree. Neither is an orphan; a concept that is neither still is.
        tree.append("data/concepts.ttl", "lgc:retired a skos:Concept ; skos:prefLabel \"retiré\"@fr, \"retired\"@en ;"
                + " skos:inScheme lgc:scheme ; dcterms:source lgn:note ;"
                + " <http://www.w3.org/2002/07/owl#deprecated> true ; dcterms:isReplacedBy lgc:ghost-work .\n"
                + "lgc:precarity a skos:Concept ; skos:prefLabel \"précarité\"@fr, \"precarity\"@en ;"
                + " skos:inScheme lgc:scheme ; dcterms:source lgn:note .\n"
                + "lgc:conditions a skos:Collection ; skos:prefLabel \"conditions\"@fr, \"conditions\"@en ;"
                + " skos:member lgc:precarity .\n"
                + "lgc:orphan a skos:Concept ; skos:prefLabel \"orphelin\"@fr, \"orphan\"@en ;"
                + " skos:inScheme lgc:scheme ; dcterms:source lgn:note .");
        ValidationReport report = validate();
        Finding orphan = only(report, Check.SKOS, LGC + "orphan", SKOS + "broader");
        assertTrue(orphan.message().contains("skos:member of a skos:Collection, or, if it is retired, state owl:deprecated true"),
                orphan.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void related_and_broader_together_are_reported() {
        tree.append("data/concepts.ttl", "lgc:micro-work skos:related lgc:digital-labour .");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SKOS, LGC + "micro-work", SKOS + "related");
        assertTrue(finding.message().contains("is skos:related to lgc:digital-labour “digital labour”, which is also one of"
                + " its broader concepts"), finding.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void two_preflabels_in_one_language_are_reported() {
        tree.append("data/concepts.ttl", "lgc:micro-work skos:prefLabel \"microtask work\"@en .");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SKOS, LGC + "micro-work", SKOS + "prefLabel");
        assertTrue(finding.message().contains("has 2 skos:prefLabels in 'en'"), finding.message());
        assertTrue(finding.message().contains("“micro-work”") && finding.message().contains("“microtask work”"), finding.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void a_label_both_preferred_and_alternative_is_reported() {
        tree.append("data/concepts.ttl", "lgc:click-work skos:altLabel \"click-work\"@en .");
        Finding finding = only(validate(), Check.SKOS, LGC + "click-work", SKOS + "altLabel");
        assertTrue(finding.message().contains("has “click-work”@en as both skos:prefLabel and skos:altLabel"), finding.message());
    }

    @Test
    void a_concept_outside_the_scheme_is_reported() {
        tree.replace("data/concepts.ttl", "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;\n    skos:inScheme lgc:scheme ;",
                "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SKOS, LGC + "micro-work", SKOS + "inScheme");
        assertTrue(finding.message().contains("is in no skos:ConceptScheme"), finding.message());
        assertEquals(1, report.findings().size(), report.findings().toString());
    }

    @Test
    void one_preflabel_naming_two_concepts_is_reported_as_a_warning() {
        tree.append("data/concepts.ttl", "lgc:clicking a skos:Concept ; skos:prefLabel \"cliquer\"@fr, \"click-work\"@en ;"
                + " skos:inScheme lgc:scheme ; skos:broader lgc:ghost-work ; dcterms:source lgn:note .");
        ValidationReport report = validate();
        Finding finding = only(report, Check.SKOS, LGC + "click-work", SKOS + "prefLabel");
        assertTrue(finding.message().startsWith("[warning] skos:prefLabel “click-work”@en names two concepts"), finding.message());
        assertTrue(finding.message().contains("lgc:clicking"), finding.message());
        assertFalse(report.clean());
    }

    @Test
    void owl_inconsistency_is_reported() {
        // lg:Tier is disjoint with skos:Concept in the fixture ontology.
        tree.append("data/concepts.ttl", "lgt:1 a skos:Concept .");
        Finding finding = only(validate(), Check.OWL, "https://w3id.org/labourgraph/id/tier/1", null);
        assertTrue(finding.message().contains("disjoint classes"), finding.message());
        assertTrue(finding.toString().startsWith("OWL lgt:1: "), finding.toString());
    }

    @Test
    void without_shapes_shacl_does_not_run_and_a_note_says_so() {
        tree.replace("data/concepts.ttl", "    lg:tier lgt:2 ;\n    dcterms:source lgn:note ;\n    skos:broader lgc:ghost-work ;\n"
                + "    skos:related lgc:click-work .", "    dcterms:source lgn:note ;\n    skos:broader lgc:ghost-work ;\n"
                + "    skos:related lgc:click-work .");
        ValidationReport withShapes = validate();
        assertEquals(1, withShapes.count(Check.SHACL), withShapes.findings().toString());
        ValidationReport report = Validator.validate(SourceSet.of(dir.resolve("elsewhere"), List.of(tree.path("data"), tree.path("ontology"))));
        assertTrue(report.clean(), report.findings().toString());
        assertTrue(report.notes().get(0).startsWith("SHACL did not run: no shapes file"), report.notes().toString());
    }

    @Test
    void an_in_memory_graph_is_validated_with_the_shapes_given() throws Exception {
        tree.append("data/concepts.ttl", "lgc:micro-work skos:prefLabel \"microtask work\"@en .");
        Graph union = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(union, SourceParser.parse(tree.path("ontology/labourgraph.ttl")));
        GraphUtil.addInto(union, SourceParser.parse(tree.path("data/concepts.ttl")));
        Shapes shapes = Shapes.parse(SourceParser.parse(tree.path("ontology/shapes.ttl")));
        ValidationReport report = Validator.validate(union, shapes);
        assertEquals(1, report.findings().size(), report.findings().toString());
        assertEquals(Check.SKOS, report.findings().get(0).check());
        assertEquals(union.size(), report.tripleCount());
        assertEquals(0, report.fileCount());
    }
}
