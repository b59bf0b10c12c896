package org.labourgraph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the clean fixture tree (src/test/resources/fixtures/tree: a tiny ontology, shapes and a
 * four-concept scheme) in a test's temp folder, with helpers to seed one defect at a time.
 */
public final class FixtureTree {
    private final Path root;

    private FixtureTree(Path root) {
        this.root = root;
    }

    /** Copies the clean fixture tree into {@code folder}. */
    public static FixtureTree copyInto(Path folder) {
        try {
            Path source = Path.of(FixtureTree.class.getResource("/fixtures/tree").toURI());
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(source)) {
                entries = walk.toList();
            }
            for (Path entry : entries) {
                Path target = folder.resolve(source.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
            }
            return new FixtureTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** Writes (or overwrites) a file of the tree. */
    public Path write(String relative, String text) {
        try {
            Path file = path(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds Turtle statements at the end of a file (its prefixes stay in scope). */
    public void append(String relative, String text) {
        try {
            Files.writeString(path(relative), "\n" + text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact passage of a file; fails the test if the passage is not there. */
    public void replace(String relative, String passage, String replacement) {
        try {
            String text = Files.readString(path(relative), StandardCharsets.UTF_8);
            assertTrue(text.contains(passage), () -> relative + " does not contain: " + passage);
            Files.writeString(path(relative), text.replace(passage, replacement), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
