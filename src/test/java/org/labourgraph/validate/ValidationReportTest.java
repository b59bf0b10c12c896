package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labourgraph.validate.Finding.Check;

class ValidationReportTest {

    @Test
    void a_report_without_findings_is_clean_and_says_so() {
        ValidationReport report = new ValidationReport(List.of(), 9, 812, List.of());
        assertTrue(report.clean());
        assertEquals("9 files, 812 triples — clean", report.summary());
    }

    @Test
    void findings_are_counted_per_check_in_check_order() {
        List<Finding> findings = new ArrayList<>(List.of(
                new Finding(Check.SKOS, "http://example.org/b", null, "s"),
                new Finding(Check.SHACL, "http://example.org/z", null, "two"),
                new Finding(Check.SHACL, "http://example.org/a", null, "one")));
        ValidationReport report = new ValidationReport(findings, 9, 812, List.of());
        findings.clear();

        assertFalse(report.clean());
        assertEquals("9 files, 812 triples — 3 findings (SHACL 2, SKOS 1)", report.summary());
        assertEquals(Map.of(Check.SHACL, 2, Check.SKOS, 1), report.counts());
        assertEquals(List.of(Check.SHACL, Check.SKOS), List.copyOf(report.counts().keySet()));
        assertEquals(List.of("one", "two", "s"), report.findings().stream().map(Finding::message).toList());
        assertEquals(0, report.count(Check.OWL));
        assertThrows(UnsupportedOperationException.class, () -> report.findings().clear());
    }

    @Test
    void one_finding_and_one_file_are_singular() {
        ValidationReport report = new ValidationReport(List.of(new Finding(Check.SYNTAX, "a.ttl:1:1", null, "x")), 1, 1, List.of());
        assertEquals("1 file, 1 triple — 1 finding (SYNTAX 1)", report.summary());
    }
}
