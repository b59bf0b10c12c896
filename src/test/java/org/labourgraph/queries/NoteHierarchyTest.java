package org.labourgraph.queries;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The founding note's hierarchy of digital labour, written down here as the note gives it, and the shipped data
 * checked against it (issue #22): three tiers under digital labour, each one concept bearing every name the note
 * gives that tier, and what the note adds beside a tier related to it, never narrower than it.
 */
class NoteHierarchyTest {
    static final String LG = "https://w3id.org/labourgraph/ontology#";
    static final String LGC = "https://w3id.org/labourgraph/id/concept/";
    static final String LGT = "https://w3id.org/labourgraph/id/tier/";

    /** One tier of the note's list « hiérarchisé de la manière suivante » : its rank, its concept, its names. */
    record NoteTier(int rank, String concept, List<String> namesInTheNote) {}

    /**
     * « 1. Le travail fantôme, micro-travail ou "travail du clic" … 2. Le travail social réseau … 3. L'élite du
     * travail hautement qualifié, ou "travail venture" ».
     */
    static final List<NoteTier> NOTE_TIERS = List.of(
            new NoteTier(1, "ghost-work", List.of("travail fantôme", "micro-travail", "travail du clic")),
            new NoteTier(2, "social-network-labour", List.of("travail social réseau")),
            new NoteTier(3, "venture-labour", List.of("élite du travail hautement qualifié", "travail venture")));

    /**
     * What the note adds beside a tier, and to which: the freelancers « s'ajoute[nt] » to the tier-3 elite and
     * follow « la même logique que le microtravail » (tier 1).
     */
    static final Map<String, List<String>> ADDED_BESIDE = Map.of("freelancing", List.of("venture-labour", "ghost-work"));

    /** What the note names but places in no tier. */
    static final List<String> IN_NO_TIER = List.of("freelancing", "prompt-engineering", "labour-aristocracy");

    /** Names of tier 1 that labourgraph once made concepts of their own: retired, replaced by ghost work. */
    static final List<String> RETIRED = List.of("micro-work", "click-work");

    static Model data;
    static Dataset served;

    @BeforeAll
    static void load() {
        Path root = QueryFile.projectRoot();
        Map<String, Model> sources = ServedGraphFixture.readSourceGraphs(root);
        data = ModelFactory.createDefaultModel();
        sources.values().forEach(data::add);
        served = ServedGraphFixture.served(sources);
    }

    @Test
    void digital_labour_is_the_one_top_concept_and_its_tiers_are_the_notes_three() {
        Resource top = concept("digital-labour");
        Set<String> tiersOfData = iris(data.listSubjectsWithProperty(RDF.type, res(LG + "Tier")).toList());
        Set<String> headsOfTiers = iris(data.listObjectsOfProperty(top, SKOS.narrower).toList().stream()
                .filter(n -> n.isResource() && n.asResource().hasProperty(prop(LG + "tier"))).toList());
        assertAll(
                () -> assertEquals(Set.of(top.getURI()), iris(data.listObjectsOfProperty(concept("scheme"), SKOS.hasTopConcept).toList()),
                        "digital labour is the scheme's only top concept"),
                () -> assertEquals(Set.of(LGT + "1", LGT + "2", LGT + "3"), tiersOfData, "three tiers"),
                () -> assertEquals(NOTE_TIERS.stream().map(t -> LGC + t.concept()).collect(Collectors.toSet()), headsOfTiers,
                        "directly under digital labour, one concept per tier: the note's"),
                () -> NOTE_TIERS.forEach(t -> assertEquals(LGT + t.rank(),
                        concept(t.concept()).getPropertyResourceValue(prop(LG + "tier")).getURI(), t.concept() + "'s tier")),
                () -> NOTE_TIERS.forEach(t -> assertEquals(t.rank(),
                        data.getResource(LGT + t.rank()).getProperty(prop(LG + "rank")).getInt(), "rank of tier " + t.rank())));
    }

    @Test
    void each_tier_is_one_concept_bearing_every_name_the_note_gives_it() {
        for (NoteTier t : NOTE_TIERS) {
            Set<String> names = frenchLabels(concept(t.concept()));
            assertTrue(names.containsAll(t.namesInTheNote()), () -> t.concept() + " lacks some of " + t.namesInTheNote() + ": " + names);
            for (String name : t.namesInTheNote()) {
                Set<String> bearers = liveConceptsLabelled(name);
                assertEquals(Set.of(LGC + t.concept()), bearers, "« " + name + " » names tier " + t.rank() + " only");
            }
        }
    }

    @Test
    void every_other_concept_of_a_tier_lies_under_that_tiers_concept() {
        for (NoteTier t : NOTE_TIERS) {
            Set<String> inTier = iris(data.listSubjectsWithProperty(prop(LG + "tier"), data.getResource(LGT + t.rank())).toList());
            for (String c : inTier) {
                assertTrue(c.equals(LGC + t.concept()) || ask("ASK { <" + c + "> skos:broaderTransitive <" + LGC + t.concept() + "> }"),
                        () -> c + " has tier " + t.rank() + " but is not under " + t.concept());
            }
        }
    }

    @Test
    void what_the_note_adds_beside_a_tier_is_related_to_it_and_narrower_than_none() {
        ADDED_BESIDE.forEach((added, tiers) -> {
            for (String tier : tiers) {
                assertAll(
                        () -> assertTrue(ask("ASK { <" + LGC + added + "> skos:related <" + LGC + tier + "> }"),
                                added + " is related to " + tier),
                        () -> assertFalse(ask("ASK { <" + LGC + added + "> skos:broaderTransitive <" + LGC + tier + "> }"),
                                added + " is not narrower than " + tier));
            }
            assertTrue(ask("ASK { <" + LGC + added + "> skos:broaderTransitive <" + LGC + "digital-labour> }"),
                    added + " is still a kind of digital labour");
        });
    }

    @Test
    void what_the_note_places_in_no_tier_has_no_tier() {
        for (String c : IN_NO_TIER) {
            assertFalse(concept(c).hasProperty(prop(LG + "tier")), c + " has a tier the note does not give it");
            assertFalse(ask("ASK { <" + LGC + c + "> skos:broaderTransitive <" + LGC + "venture-labour> }"),
                    c + " is not placed under the tier-3 elite");
        }
    }

    @Test
    void the_retired_names_of_tier_one_resolve_to_ghost_work_outside_every_tree() {
        for (String r : RETIRED) {
            Resource c = concept(r);
            assertAll(
                    () -> assertTrue(c.hasProperty(RDF.type, SKOS.Concept), r + " is still a skos:Concept"),
                    () -> assertTrue(c.hasLiteral(OWL2.deprecated, true), r + " is owl:deprecated true"),
                    () -> assertEquals(LGC + "ghost-work", c.getPropertyResourceValue(DCTerms.isReplacedBy).getURI()),
                    () -> assertFalse(frenchLabels(c).isEmpty(), r + " keeps its labels"),
                    () -> assertFalse(ask("""
                            ASK { { <%1$s> skos:broader|skos:narrower|skos:related|lg:tier ?x }
                                  UNION { ?y skos:broader|skos:narrower|skos:related|skos:member|dcterms:subject|lg:earnedBy <%1$s> } }"""
                            .formatted(LGC + r)), r + " has no hierarchy, related, tier or subject link, none to it"));
        }
    }

    @Test
    void editorial_collections_are_collections_whose_members_are_not_kinds_of_digital_labour() {
        List<Resource> facets = data.listSubjectsWithProperty(RDF.type, res(LG + "Facet")).toList();
        assertEquals(2, facets.size(), "the two editorial groupings");
        for (Resource f : facets) {
            assertAll(
                    () -> assertTrue(ask("ASK { <" + f.getURI() + "> a skos:Collection }"), f + " is a skos:Collection"),
                    () -> assertFalse(ask("ASK { <" + f.getURI() + "> a skos:Concept }"), f + " is no skos:Concept"),
                    () -> assertFalse(ask("ASK { <" + f.getURI() + "> skos:broader|skos:narrower|^skos:broader|^skos:narrower ?x }"),
                            f + " is outside the broader tree"),
                    () -> assertFalse(ask("ASK { <" + f.getURI() + "> skos:member ?m . <" + LGC + "digital-labour> skos:narrowerTransitive ?m }"),
                            f + "'s members are not narrower than digital labour"),
                    () -> assertTrue(f.hasProperty(SKOS.editorialNote), f + " says it is an editorial grouping"));
        }
    }

    static boolean ask(String where) {
        String query = """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX lg: <https://w3id.org/labourgraph/ontology#>
                """ + where;
        return Txn.calculateRead(served, () -> {
            try (QueryExecution qe = QueryExecution.dataset(served).query(query).build()) {
                return qe.execAsk();
            }
        });
    }

    /** The live (not retired) concepts with this label, preferred or alternative, any case, any language. */
    static Set<String> liveConceptsLabelled(String name) {
        String query = """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                SELECT DISTINCT ?c WHERE {
                  ?c a skos:Concept ; skos:prefLabel|skos:altLabel ?l .
                  FILTER(LCASE(STR(?l)) = "%s")
                  FILTER NOT EXISTS { ?c owl:deprecated true }
                }""".formatted(name.toLowerCase(Locale.ROOT));
        return Txn.calculateRead(served, () -> {
            try (QueryExecution qe = QueryExecution.dataset(served).query(query).build()) {
                return ResultSetFormatter.toList(qe.execSelect()).stream().map(s -> s.getResource("c").getURI())
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        });
    }

    static Set<String> frenchLabels(Resource c) {
        Set<String> out = new TreeSet<>();
        for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel)) {
            c.listProperties(p).forEachRemaining(s -> {
                Literal l = s.getLiteral();
                if (l.getLanguage().startsWith("fr")) {
                    out.add(l.getLexicalForm());
                }
            });
        }
        return out;
    }

    static Set<String> iris(List<? extends RDFNode> nodes) {
        return nodes.stream().filter(RDFNode::isURIResource).map(n -> n.asResource().getURI())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Resource concept(String slug) {
        return data.getResource(LGC + slug);
    }

    static Resource res(String iri) {
        return ResourceFactory.createResource(iri);
    }

    static Property prop(String iri) {
        return ResourceFactory.createProperty(iri);
    }
}
