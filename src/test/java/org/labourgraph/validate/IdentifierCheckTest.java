package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import org.labourgraph.source.SourceSet;
import org.labourgraph.validate.Finding.Check;

/**
 * The identifier checks on small graphs written like data/alignments.ttl: each test states one link (with
 * or without its mapping record) and reads the findings.
 */
class IdentifierCheckTest {
    private static final String PREFIXES = """
            @prefix lgp:    <https://w3id.org/labourgraph/id/person/> .
            @prefix lgw:    <https://w3id.org/labourgraph/id/work/> .
            @prefix lgpl:   <https://w3id.org/labourgraph/id/place/> .
            @prefix lgc:    <https://w3id.org/labourgraph/id/concept/> .
            @prefix schema: <https://schema.org/> .
            @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
            @prefix owl:    <http://www.w3.org/2002/07/owl#> .
            @prefix sssom:  <https://w3id.org/sssom/> .
            @prefix semapv: <https://w3id.org/semapv/vocab/> .
            @prefix wd:     <http://www.wikidata.org/entity/> .
            """;

    /** A link and its complete mapping record. */
    private static String recorded(String subject, String property, String target) {
        return subject + " " + property + " " + target + " .\n"
                + "[] a owl:Axiom ; owl:annotatedSource " + subject + " ; owl:annotatedProperty " + property
                + " ; owl:annotatedTarget " + target + " ; sssom:mapping_justification semapv:ManualMappingCuration ;"
                + " sssom:see_also <https://example.org/evidence> .\n";
    }

    private static List<Finding> check(String turtle) {
        Graph g = RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).toGraph();
        return IdentifierCheck.run(g);
    }

    private static String messages(List<Finding> findings) {
        return String.join("\n", findings.stream().map(Finding::toString).toList());
    }

    @Test
    void recorded_links_with_valid_identifiers_pass() {
        List<Finding> findings = check(recorded("lgw:b", "schema:isbn", "\"9781328566249\"")
                + recorded("lgpl:k", "schema:sameAs", "wd:Q114")
                + recorded("lgp:p", "schema:sameAs", "<https://orcid.org/0000-0002-1825-0097>")
                + recorded("lgp:q", "schema:sameAs", "<https://isni.org/isni/0000000218250097>")
                + recorded("lgp:r", "schema:sameAs", "<http://viaf.org/viaf/106965171>")
                + recorded("lgpl:m", "schema:sameAs", "<https://sws.geonames.org/192950/>")
                + recorded("lgc:c", "skos:closeMatch", "<http://dbpedia.org/resource/Ghost_work>"));
        assertEquals(List.of(), findings, () -> messages(findings));
    }

    @Test
    void an_isbn_with_a_wrong_check_digit_is_reported_on_its_work() {
        List<Finding> findings = check(recorded("lgw:b", "schema:isbn", "\"9781328566248\""));
        assertEquals(1, findings.size(), () -> messages(findings));
        Finding f = findings.get(0);
        assertEquals(Check.IDENTIFIERS, f.check());
        assertEquals("https://w3id.org/labourgraph/id/work/b", f.focus());
        assertEquals("https://schema.org/isbn", f.path());
        assertTrue(f.message().contains("\"9781328566248\" is not a valid ISBN-13"), f.message());
    }

    @Test
    void an_orcid_with_a_wrong_check_character_is_reported() {
        List<Finding> findings = check(recorded("lgp:p", "schema:sameAs", "<https://orcid.org/0000-0002-1825-0098>"));
        assertEquals(1, findings.size(), () -> messages(findings));
        assertTrue(findings.get(0).message().startsWith("ORCID identifier"), findings.get(0).message());
    }

    @Test
    void an_isni_with_a_wrong_check_character_is_reported() {
        List<Finding> findings = check(recorded("lgp:p", "schema:sameAs", "<https://isni.org/isni/0000000218250098>"));
        assertEquals(1, findings.size(), () -> messages(findings));
        assertTrue(findings.get(0).message().startsWith("ISNI identifier"), findings.get(0).message());
    }

    @Test
    void malformed_wikidata_viaf_and_geonames_identifiers_are_reported() {
        List<Finding> findings = check(recorded("lgpl:k", "schema:sameAs", "<http://www.wikidata.org/entity/P17>")
                + recorded("lgp:r", "schema:sameAs", "<http://viaf.org/viaf/10696x171>")
                + recorded("lgpl:m", "schema:sameAs", "<https://sws.geonames.org/Madagascar/>"));
        List<String> schemes = findings.stream().map(f -> f.message().substring(0, f.message().indexOf(' '))).sorted().toList();
        assertEquals(List.of("GeoNames", "VIAF", "Wikidata"), schemes, () -> messages(findings));
    }

    @Test
    void a_link_without_a_mapping_record_is_reported() {
        List<Finding> findings = check("lgpl:k schema:sameAs wd:Q114 .\n");
        assertEquals(1, findings.size(), () -> messages(findings));
        assertEquals("https://w3id.org/labourgraph/id/place/k", findings.get(0).focus());
        assertTrue(findings.get(0).message().contains("has no mapping record"), findings.get(0).message());
    }

    @Test
    void a_mapping_record_without_justification_or_evidence_is_reported_twice() {
        List<Finding> findings = check("lgpl:k schema:sameAs wd:Q114 .\n"
                + "[] a owl:Axiom ; owl:annotatedSource lgpl:k ; owl:annotatedProperty schema:sameAs ; owl:annotatedTarget wd:Q114 .\n");
        List<String> messages = findings.stream().map(Finding::message).toList();
        assertEquals(2, findings.size(), () -> messages(findings));
        assertTrue(messages.stream().anyMatch(m -> m.contains("has no sssom:mapping_justification")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("has no evidence")), messages::toString);
    }

    @Test
    void evidence_that_is_not_a_web_address_is_no_evidence() {
        List<Finding> findings = check(recorded("lgpl:k", "schema:sameAs", "wd:Q114").replace("<https://example.org/evidence>", "\"from memory\""));
        assertEquals(1, findings.size(), () -> messages(findings));
        assertTrue(findings.get(0).message().contains("has no evidence"), findings.get(0).message());
    }

    @Test
    void a_mapping_record_of_a_link_that_is_not_stated_is_reported() {
        String turtle = recorded("lgpl:k", "schema:sameAs", "wd:Q114").replace("lgpl:k schema:sameAs wd:Q114 .\n", "");
        List<Finding> findings = check(turtle);
        assertEquals(1, findings.size(), () -> messages(findings));
        assertTrue(findings.get(0).message().contains("that is not stated"), findings.get(0).message());
    }

    @Test
    void two_resources_claiming_the_same_target_as_exact_match_are_both_reported() {
        List<Finding> findings = check(recorded("lgpl:kenya", "schema:sameAs", "wd:Q114")
                + recorded("lgpl:other", "schema:sameAs", "wd:Q114"));
        List<String> foci = findings.stream().map(Finding::focus).sorted().toList();
        assertEquals(List.of("https://w3id.org/labourgraph/id/place/kenya", "https://w3id.org/labourgraph/id/place/other"), foci,
                () -> messages(findings));
        assertTrue(findings.get(0).message().contains("is also claimed as the same thing"), findings.get(0).message());
    }

    @Test
    void two_close_matches_to_one_target_are_not_a_duplicate_claim() {
        List<Finding> findings = check(recorded("lgc:a", "skos:closeMatch", "wd:Q1")
                + recorded("lgc:b", "skos:closeMatch", "wd:Q1"));
        assertEquals(List.of(), findings, () -> messages(findings));
    }

    @Test
    void validate_reports_an_unrecorded_identifier_in_a_data_file(@TempDir Path dir) {
        FixtureTree tree = FixtureTree.copyInto(dir);
        tree.write("data/alignments.ttl", PREFIXES + "lgw:b schema:isbn \"9781328566248\" .\n");
        ValidationReport report = Validator.validate(SourceSet.discover(tree.root()));
        List<String> lines = report.findings().stream().filter(f -> f.check() == Check.IDENTIFIERS).map(Finding::toString).toList();
        assertEquals(2, lines.size(), report.findings()::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("is not a valid ISBN-13")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("has no mapping record")), lines::toString);
    }
}
