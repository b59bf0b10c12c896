package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.labourgraph.validate.Finding.Check;

class FindingTest {

    @Test
    void a_syntax_finding_reads_file_line_column_message() {
        Finding finding = new Finding(Check.SYNTAX, "data/concepts.ttl:12:5", null, "Undefined prefix: lgx");
        assertEquals("data/concepts.ttl:12:5: Undefined prefix: lgx", finding.toString());
    }

    @Test
    void other_findings_read_check_focus_path_message_with_project_prefixes() {
        Finding finding = new Finding(Check.SHACL, "https://w3id.org/labourgraph/id/concept/ghost-work",
                "http://www.w3.org/2004/02/skos/core#prefLabel", "needs a French label");
        assertEquals("SHACL lgc:ghost-work skos:prefLabel: needs a French label", finding.toString());
    }

    @Test
    void local_names_starting_with_a_digit_are_shortened_too() {
        Finding finding = new Finding(Check.OWL, "https://w3id.org/labourgraph/id/tier/1", null, "conflict");
        assertEquals("OWL lgt:1: conflict", finding.toString());
    }

    @Test
    void complex_paths_keep_their_syntax_with_short_iris_and_unknown_iris_stay_whole() {
        Finding finding = new Finding(Check.SHACL, "http://example.org/x",
                "^<http://www.w3.org/2004/02/skos/core#narrower>/<http://example.org/p>", "m");
        assertEquals("SHACL http://example.org/x ^skos:narrower/<http://example.org/p>: m", finding.toString());
    }

    @Test
    void a_finding_needs_a_check_and_a_message() {
        assertThrows(NullPointerException.class, () -> new Finding(null, "f", null, "m"));
        assertThrows(NullPointerException.class, () -> new Finding(Check.SKOS, "f", null, null));
    }
}
