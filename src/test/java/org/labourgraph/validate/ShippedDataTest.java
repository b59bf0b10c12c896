package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
}
