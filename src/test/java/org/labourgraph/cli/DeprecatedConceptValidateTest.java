package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;
import picocli.CommandLine;

/** Issue 21: validate refuses a retired concept that still has narrower concepts; a retired leaf is fine. */
class DeprecatedConceptValidateTest {
    static final String RETIRE = "<http://www.w3.org/2002/07/owl#deprecated> true ; dcterms:isReplacedBy ";

    @TempDir
    Path dir;
    private FixtureTree tree;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void copyFixture() {
        tree = FixtureTree.copyInto(dir);
    }

    private int validate() {
        String[] args = {"validate", "--root", tree.root().toString()};
        CommandLine commandLine = LabourgraphCommand.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void a_deprecated_concept_that_is_still_broader_is_refused_naming_it_and_its_narrower_ones() {
        tree.append("data/concepts.ttl", "lgc:ghost-work " + RETIRE + "lgc:digital-labour .\n");
        assertEquals(1, validate(), out::toString);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("SKOS lgc:ghost-work owl:deprecated: ")
                && l.contains("still the skos:broader of") && l.contains("micro-work")), out::toString);
    }

    @Test
    void a_deprecated_leaf_with_its_successor_validates() {
        tree.append("data/concepts.ttl", "lgc:micro-work " + RETIRE + "lgc:ghost-work .\n");
        assertEquals(0, validate(), out::toString);
    }
}
