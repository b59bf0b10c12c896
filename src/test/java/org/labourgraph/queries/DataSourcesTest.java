package org.labourgraph.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fact of {@code data/} can be traced to a source (issue #22): each file's named graph says what it is derived
 * from; what a file restates from the founding note is covered by it, and a file that goes beyond the note and draws
 * on several sources gives each of its subjects the one its statements come from, described beside it with what
 * that page states.
 */
class DataSourcesTest {
    static final String NOTE = "https://w3id.org/labourgraph/id/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E";
    static final String LG = "https://w3id.org/labourgraph/ontology#";
    static final Property DERIVED_FROM = ResourceFactory.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom");
    /** The properties by which a subject names its own source. */
    static final List<Property> OWN_SOURCE = List.of(DCTerms.source, DERIVED_FROM,
            ResourceFactory.createProperty(LG + "statedIn"), ResourceFactory.createProperty(LG + "coinedIn"));

    /** data/*.ttl: graph IRI → its content. */
    static Map<String, Model> dataGraphs;
    static Model all;

    @BeforeAll
    static void load() {
        Path root = QueryFile.projectRoot();
        Map<String, Model> sources = ServedGraphFixture.readSourceGraphs(root);
        dataGraphs = new LinkedHashMap<>();
        for (String stem : dataStems(root)) {
            if (stem.equals("alignments")) {
                continue; // links out: each has its own evidence record (an owl:Axiom), checked by validate's IdentifierCheck
            }
            String graph = "https://w3id.org/labourgraph/graph/" + stem;
            dataGraphs.put(graph, sources.get(graph));
        }
        all = ModelFactory.createDefaultModel();
        sources.values().forEach(all::add);
    }

    @Test
    void every_data_file_says_what_it_is_derived_from_and_every_source_named_is_described() {
        assertFalse(dataGraphs.isEmpty(), "no data/*.ttl");
        dataGraphs.forEach((graph, model) -> {
            List<RDFNode> derivedFrom = model.listObjectsOfProperty(model.getResource(graph), DERIVED_FROM).toList();
            assertFalse(derivedFrom.isEmpty(), graph + " states no prov:wasDerivedFrom");
            for (RDFNode source : derivedFrom) {
                assertTrue(source.isURIResource() && described(source.asResource()),
                        () -> graph + " is derived from " + source + ", which the data does not describe (labels fr and en)");
            }
        });
    }

    @Test
    void every_subject_in_data_has_a_source() {
        List<String> unsourced = new ArrayList<>();
        dataGraphs.forEach((graph, model) -> {
            Set<String> graphSources = iris(model.listObjectsOfProperty(model.getResource(graph), DERIVED_FROM).toList());
            boolean restatesTheNote = graphSources.contains(NOTE);
            model.listSubjects().forEachRemaining(s -> {
                if (s.isAnon() || s.getURI().equals(graph) || graphSources.contains(s.getURI()) || s.getURI().equals(NOTE)) {
                    return; // the graph itself, a source it describes, or the founding note
                }
                boolean own = OWN_SOURCE.stream().anyMatch(p -> all.contains(s, p));
                if (!own && !restatesTheNote) {
                    unsourced.add(s.getURI() + " in " + graph);
                }
            });
        });
        assertEquals(List.of(), unsourced, "subjects with no source of their own in a graph not derived from the note");
    }

    @Test
    void what_goes_beyond_the_note_has_its_own_described_source_in_its_own_graph() {
        Map<String, Model> beyond = new LinkedHashMap<>();
        dataGraphs.forEach((graph, model) -> {
            if (!iris(model.listObjectsOfProperty(model.getResource(graph), DERIVED_FROM).toList()).contains(NOTE)) {
                beyond.put(graph, model);
            }
        });
        assertTrue(beyond.containsKey("https://w3id.org/labourgraph/graph/other-sources"), () -> "graphs beyond the note: " + beyond.keySet());
        beyond.forEach((graph, model) -> {
            Set<String> graphSources = iris(model.listObjectsOfProperty(model.getResource(graph), DERIVED_FROM).toList());
            model.listSubjects().forEachRemaining(s -> {
                if (s.getURI().equals(graph) || graphSources.contains(s.getURI())) {
                    assertTrue(s.getURI().equals(graph) || s.hasProperty(RDFS.comment),
                            () -> s + ": a source page says, in an rdfs:comment, what it states");
                    return;
                }
                Set<String> own = iris(model.listObjectsOfProperty(s, DCTerms.source).toList());
                if (own.isEmpty() && graphSources.size() == 1) {
                    return; // one source: the graph's prov:wasDerivedFrom says where each of its statements comes from
                }
                assertFalse(own.isEmpty(), () -> s + " in " + graph + " (derived from several sources) names no dcterms:source of its own");
                assertTrue(graphSources.containsAll(own), () -> s + "'s sources " + own + " are not among " + graph + "'s");
            });
        });
    }

    static boolean described(Resource r) {
        Set<String> langs = all.listObjectsOfProperty(r, RDFS.label).toList().stream().filter(RDFNode::isLiteral)
                .map(n -> n.asLiteral().getLanguage().substring(0, Math.min(2, n.asLiteral().getLanguage().length())))
                .collect(Collectors.toSet());
        return langs.containsAll(Set.of("fr", "en"));
    }

    static Set<String> iris(List<? extends RDFNode> nodes) {
        return nodes.stream().filter(RDFNode::isURIResource).map(n -> n.asResource().getURI())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> dataStems(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("data"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ttl")).sorted()
                    .map(n -> n.substring(0, n.length() - ".ttl".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
