package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import picocli.CommandLine;

/** {@code labourgraph validate} as a user runs it: exit codes, grouped findings, summary line, usage errors. */
class ValidateCommandTest {
    private static final String CLEAN_SUMMARY = "validate: 3 files, \\d+ triples — clean";

    @TempDir
    Path dir;

    private FixtureTree tree;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyFixture() {
        tree = FixtureTree.copyInto(dir);
    }

    private int run(String... args) {
        CommandLine commandLine = LabourgraphCommand.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    private String lastLine() {
        List<String> lines = outLines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void a_clean_tree_exits_0_with_the_clean_summary_line() {
        assertEquals(0, run("validate", "--root", tree.root().toString()), err::toString);
        assertTrue(lastLine().matches(CLEAN_SUMMARY), lastLine());
        assertEquals(1, outLines().size(), out::toString);
    }

    @Test
    void syntax_error_exits_1_with_its_file_line_column_line_and_no_other_check() {
        tree.replace("data/concepts.ttl", "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;", "skos:prefLabel \"micro-work\"@en ;");
        Path broken = tree.write("data/broken.ttl", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                + "<https://w3id.org/labourgraph/id/concept/x> skos:broader lgx:y .\n");
        assertEquals(1, run("validate", "--root", tree.root().toString()));
        assertTrue(outLines().contains(broken + ":2:58: Undefined prefix: lgx"), out::toString);
        assertTrue(outLines().stream().noneMatch(l -> l.startsWith("SHACL") || l.startsWith("SKOS") || l.startsWith("-- SHACL")),
                out::toString);
        assertTrue(outLines().contains("note: SHACL, OWL and SKOS checks did not run: fix the syntax errors first"), out::toString);
        assertTrue(lastLine().matches("validate: 4 files, \\d+ triples — 1 finding \\(SYNTAX 1\\)"), lastLine());
    }

    @Test
    void missing_french_preflabel_exits_1_naming_the_concept() {
        tree.replace("data/concepts.ttl", "skos:prefLabel \"micro-travail\"@fr, \"micro-work\"@en ;", "skos:prefLabel \"micro-work\"@en ;");
        assertEquals(1, run("validate", "--root", tree.root().toString()));
        assertTrue(outLines().contains("SHACL lgc:micro-work skos:prefLabel: a concept needs a French skos:prefLabel"
                + " (“micro-work”, shape https://w3id.org/labourgraph/shapes#ConceptShape)"), out::toString);
        assertTrue(outLines().stream().anyMatch(l -> l.startsWith("SKOS lgc:micro-work skos:prefLabel: ")), out::toString);
        assertTrue(lastLine().matches("validate: 3 files, \\d+ triples — 2 findings \\(SHACL 1, SKOS 1\\)"), lastLine());
    }

    @Test
    void findings_are_grouped_by_check_with_counts() {
        tree.append("data/concepts.ttl", "lgc:digital-labour skos:broader lgc:ghost-work .\n"
                + "lgc:micro-work skos:prefLabel \"microtask work\"@en .\n"
                + "lgt:2 lg:rank \"2\"^^xsd:positiveInteger, \"3\"^^xsd:positiveInteger .");
        assertEquals(1, run("validate", "--root", tree.root().toString()));
        List<String> lines = outLines();
        int shacl = lines.indexOf("-- SHACL: 1 finding");
        int skos = lines.indexOf("-- SKOS: 2 findings");
        assertTrue(shacl >= 0 && skos > shacl, out::toString);
        assertTrue(lines.get(shacl + 1).startsWith("SHACL lgt:2 lg:rank: "), out::toString);
        assertTrue(lines.get(skos + 1).startsWith("SKOS lgc:digital-labour skos:broader: skos:broader cycle"), out::toString);
        assertTrue(lines.get(skos + 2).startsWith("SKOS lgc:micro-work skos:prefLabel: "), out::toString);
        assertTrue(lastLine().endsWith("— 3 findings (SHACL 1, SKOS 2)"), lastLine());
    }

    @Test
    void explicit_paths_validate_only_those_files() {
        tree.append("data/concepts.ttl", "lgc:micro-work skos:prefLabel \"microtask work\"@en .");
        Path other = tree.write("data/other.ttl", "<https://w3id.org/labourgraph/id/concept/x> a <http://www.w3.org/2004/02/skos/core#Concept> .\n");
        assertEquals(1, run("validate", "--root", tree.root().toString(), other.toString()));
        assertFalse(out.toString().contains("micro-work"), out::toString);
        assertTrue(out.toString().contains("SKOS lgc:x skos:broader: concept lgc:x is outside the hierarchy"), out::toString);
        assertTrue(lastLine().startsWith("validate: 2 files, 1 triple — "), lastLine());
    }

    @Test
    void an_unknown_path_is_a_usage_error_exiting_2_with_what_and_how_to_fix() {
        Path missing = tree.path("data/nowhere.ttl");
        assertEquals(2, run("validate", "--root", tree.root().toString(), missing.toString()));
        assertTrue(err.toString().contains("validate: no such file or folder: " + missing), err::toString);
        assertTrue(err.toString().contains("give an RDF file or a folder of them"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void a_root_without_data_is_a_usage_error_exiting_2() throws Exception {
        Path empty = dir.resolve("empty");
        Path half = java.nio.file.Files.createDirectories(dir.resolve("half/ontology")).getParent();
        assertEquals(2, run("validate", "--root", half.toString()));
        assertTrue(err.toString().contains("validate: no data/ folder in " + half + ": run from the project root, give --root DIR"),
                err::toString);
        assertEquals(2, run("validate", "--root", empty.toString()));
        assertTrue(err.toString().contains("--root " + empty + " is not a folder"), err::toString);
    }

    @Test
    void a_missing_shapes_file_is_a_usage_error_exiting_2() {
        assertEquals(2, run("validate", "--root", tree.root().toString(), "--shapes", tree.path("nope.ttl").toString()));
        assertTrue(err.toString().contains("no such shapes file: " + tree.path("nope.ttl")), err::toString);
    }

    @Test
    void other_shapes_can_be_given() {
        Path strict = tree.write("strict-shapes.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
                + "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                + "<https://example.org/DefinitionShape> a sh:NodeShape ; sh:targetClass skos:Concept ;\n"
                + "    sh:property [ sh:path skos:definition ; sh:minCount 1 ] .\n");
        assertEquals(1, run("validate", "--root", tree.root().toString(), "--shapes", strict.toString()));
        assertTrue(lastLine().endsWith("— 4 findings (SHACL 4)"), out::toString);
    }

    @Test
    void an_unknown_option_is_a_usage_error_exiting_2() {
        assertEquals(2, run("validate", "--root", tree.root().toString(), "--strict"));
        assertTrue(err.toString().contains("Unknown option: '--strict'"), err::toString);
    }

    @Test
    void an_unknown_format_is_a_usage_error_exiting_2() {
        assertEquals(2, run("validate", "--root", tree.root().toString(), "--format", "xml"));
        assertTrue(err.toString().contains("--format"), err::toString);
    }

    @Test
    void help_describes_the_command_and_its_exit_codes() {
        assertEquals(0, run("validate", "--help"));
        String help = out.toString();
        assertTrue(help.startsWith("Usage: labourgraph validate"), help);
        for (String expected : List.of("[PATH...]", "--root", "--shapes", "--format", "--verbose", "Exit codes:", "usage error")) {
            assertTrue(help.contains(expected), () -> "help lacks " + expected + ":\n" + help);
        }
    }

    @Test
    void json_format_gives_the_summary_counts_and_findings() {
        tree.append("data/concepts.ttl", "lgc:micro-work skos:prefLabel \"microtask work\"@en .");
        assertEquals(1, run("validate", "--root", tree.root().toString(), "--format", "json"));
        JsonObject json = JSON.parse(out.toString());
        assertFalse(json.get("clean").getAsBoolean().value());
        assertEquals(3, json.get("files").getAsNumber().value().intValue());
        assertEquals(1, json.get("counts").getAsObject().get("SKOS").getAsNumber().value().intValue());
        JsonObject finding = json.get("findings").getAsArray().get(0).getAsObject();
        assertEquals("SKOS", finding.get("check").getAsString().value());
        assertEquals("https://w3id.org/labourgraph/id/concept/micro-work", finding.get("focus").getAsString().value());
        assertEquals("http://www.w3.org/2004/02/skos/core#prefLabel", finding.get("path").getAsString().value());
        assertTrue(json.get("summary").getAsString().value().endsWith("— 1 finding (SKOS 1)"));
    }

    @Test
    void verbose_lists_each_source_with_its_graph() {
        assertEquals(0, run("validate", "--root", tree.root().toString(), "--verbose"));
        assertTrue(outLines().contains("source " + tree.path("data/concepts.ttl")
                + " -> <https://w3id.org/labourgraph/graph/concepts>"), out::toString);
        assertTrue(outLines().contains("shapes " + tree.path("ontology/shapes.ttl")), out::toString);
        assertTrue(lastLine().matches(CLEAN_SUMMARY), lastLine());
    }
}
