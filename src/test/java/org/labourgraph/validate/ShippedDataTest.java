package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;

/** Keeps the project's own ontology/ and data/ valid: any finding fails the build. */
class ShippedDataTest {

    @Test
    void shipped_data_validates_clean() {
        Path root = ProjectPaths.root();
        SourceSet sources = SourceSet.discover(root);
        assertTrue(sources.files().stream().map(SourceFile::path).anyMatch(p -> p.endsWith("ontology/labourgraph.ttl")),
                "no ontology/labourgraph.ttl under " + root.toAbsolutePath());
        assertTrue(sources.files().stream().map(SourceFile::path).anyMatch(p -> p.startsWith(root.resolve("data").normalize())),
                "no data files under " + root.resolve("data").toAbsolutePath());
        assertTrue(sources.shapes().isPresent(), "no ontology/shapes.ttl under " + root.toAbsolutePath());

        ValidationReport report = Validator.validate(sources);

        assertFalse(report.tripleCount() == 0, "the shipped files hold no triples");
        assertTrue(report.clean(), () -> "validate: " + report.summary() + "\n"
                + report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }

    // The shapes' rules for retired concepts and editorial collections (issue #22), on the shipped files with one
    // defect added to a copy of data/concepts.ttl.

    @Test
    void a_retired_concept_put_back_in_the_tree_is_reported(@TempDir Path dir) throws IOException {
        List<Finding> found = validateWith(dir, "lgc:micro-work skos:broader lgc:ghost-work . lgc:ghost-work skos:narrower lgc:micro-work .");
        assertTrue(found.stream().anyMatch(f -> f.check() == Finding.Check.SHACL
                && f.focus().endsWith("/concept/micro-work") && f.message().contains("is retired (owl:deprecated true)")), found::toString);
    }

    @Test
    void a_link_to_a_retired_concept_is_reported(@TempDir Path dir) throws IOException {
        List<Finding> found = validateWith(dir, "lgc:precarity skos:related lgc:click-work .");
        assertTrue(found.stream().anyMatch(f -> f.check() == Finding.Check.SHACL
                && f.focus().endsWith("/concept/precarity") && f.message().contains("links to the retired concept")), found::toString);
    }

    @Test
    void a_concept_in_no_tree_no_collection_and_not_retired_is_reported(@TempDir Path dir) throws IOException {
        List<Finding> found = validateWith(dir, """
                lgc:stray a skos:Concept ; skos:prefLabel "égaré"@fr, "stray"@en ;
                    skos:definition "Un concept égaré."@fr, "A stray concept."@en ;
                    skos:inScheme lgc:scheme ; dcterms:source lgn:CuDk_xb7q0uXBEV4X_ekAxRe9-E .""");
        assertEquals(List.of("SHACL", "SKOS"), found.stream().filter(f -> f.focus().endsWith("/concept/stray"))
                .map(f -> f.check().name()).sorted().toList(), found::toString);
        assertTrue(found.stream().anyMatch(f -> f.check() == Finding.Check.SHACL
                && f.message().contains("is in no editorial collection and is not retired")), found::toString);
    }

    @Test
    void an_editorial_collection_typed_as_a_concept_is_reported(@TempDir Path dir) throws IOException {
        List<Finding> found = validateWith(dir, "lgc:conditions-of-digital-labour a skos:Concept .");
        assertTrue(found.stream().anyMatch(f -> f.check() == Finding.Check.SHACL
                && f.focus().endsWith("/concept/conditions-of-digital-labour")), found::toString);
    }

    /** Validates a copy of ontology/ and data/ with {@code turtle} appended to data/concepts.ttl. */
    private static List<Finding> validateWith(Path dir, String turtle) throws IOException {
        Path root = ProjectPaths.root();
        for (String folder : List.of("ontology", "data")) {
            Files.createDirectories(dir.resolve(folder));
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                    Files.copy(f, dir.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        Files.writeString(dir.resolve("data/concepts.ttl"), "\n" + turtle + "\n", StandardOpenOption.APPEND);
        return Validator.validate(SourceSet.discover(dir)).findings();
    }
}
