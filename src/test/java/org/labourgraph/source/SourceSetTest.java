package org.labourgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.FixtureTree;

class SourceSetTest {
    @TempDir
    Path dir;

    private static List<String> names(SourceSet sources) {
        return sources.files().stream().map(f -> f.path().getFileName().toString()).toList();
    }

    @Test
    void discover_finds_the_ontology_and_data_files_sorted_by_path_and_keeps_the_shapes_apart() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        tree.write("data/works/books.ttl", "");
        tree.write("data/agents.ttl", "");
        SourceSet sources = SourceSet.discover(tree.root());
        assertEquals(List.of("agents.ttl", "concepts.ttl", "books.ttl", "labourgraph.ttl"), names(sources));
        assertEquals(Optional.of(tree.path("ontology/shapes.ttl")), sources.shapes());
    }

    @Test
    void each_file_loads_into_the_graph_named_after_its_stem() {
        SourceSet sources = SourceSet.discover(FixtureTree.copyInto(dir).root());
        assertEquals(List.of("https://w3id.org/labourgraph/graph/concepts", "https://w3id.org/labourgraph/graph/labourgraph"),
                sources.files().stream().map(SourceFile::graphIri).toList());
    }

    @Test
    void hidden_files_and_markdown_notes_are_not_sources_but_unreadable_extensions_are_kept_for_the_parser() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        tree.write("data/README.md", "# notes");
        tree.write("data/.concepts.ttl.swp", "");
        tree.write("data/.cache/old.ttl", "");
        tree.write("data/notes.tll", "");
        tree.write("ontology/draft.owl", "");
        assertEquals(List.of("concepts.ttl", "notes.tll", "labourgraph.ttl"), names(SourceSet.discover(tree.root())));
    }

    @Test
    void discover_without_a_data_folder_says_which_folder_is_missing_and_how_to_fix_it() throws IOException {
        Files.createDirectories(dir.resolve("ontology"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SourceSet.discover(dir));
        assertTrue(error.getMessage().startsWith("no data/ folder in " + dir.toAbsolutePath()), error.getMessage());
        assertTrue(error.getMessage().contains("give --root DIR"), error.getMessage());
    }

    @Test
    void discover_without_an_ontology_folder_is_refused() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SourceSet.discover(dir));
        assertTrue(error.getMessage().startsWith("no ontology/ folder"), error.getMessage());
    }

    @Test
    void two_files_with_the_same_stem_are_refused_since_they_would_share_a_graph() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        tree.write("data/more/concepts.jsonld", "{}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SourceSet.discover(tree.root()));
        assertTrue(error.getMessage().startsWith("two source files share the stem 'concepts'"), error.getMessage());
        assertTrue(error.getMessage().contains("rename one of them"), error.getMessage());
    }

    @Test
    void a_stem_that_cannot_end_an_iri_is_refused() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        tree.write("data/my concepts.ttl", "");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SourceSet.discover(tree.root()));
        assertTrue(error.getMessage().contains("rename the file"), error.getMessage());
    }

    @Test
    void explicit_paths_expand_folders_drop_duplicates_and_leave_out_the_shapes() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        SourceSet sources = SourceSet.of(tree.root(),
                List.of(tree.path("ontology"), tree.path("data/concepts.ttl"), tree.path("data")));
        assertEquals(List.of("concepts.ttl", "labourgraph.ttl"), names(sources));
        assertEquals(Optional.of(tree.path("ontology/shapes.ttl")), sources.shapes());
    }

    @Test
    void an_explicit_path_that_does_not_exist_is_refused_with_the_fix() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        Path missing = tree.path("data/nowhere.ttl");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SourceSet.of(tree.root(), List.of(missing)));
        assertTrue(error.getMessage().startsWith("no such file or folder: " + missing), error.getMessage());
        assertTrue(error.getMessage().contains("give an RDF file or a folder of them"), error.getMessage());
    }

    @Test
    void content_hash_changes_when_a_byte_changes_and_not_otherwise() throws IOException {
        FixtureTree tree = FixtureTree.copyInto(dir.resolve("a"));
        String before = SourceSet.discover(tree.root()).contentHash();
        assertEquals(64, before.length());
        assertTrue(before.matches("[0-9a-f]{64}"), before);

        // Not otherwise: hashing again, touching a file, or the same files in another folder.
        assertEquals(before, SourceSet.discover(tree.root()).contentHash());
        Files.setLastModifiedTime(tree.path("data/concepts.ttl"), FileTime.fromMillis(0));
        assertEquals(before, SourceSet.discover(tree.root()).contentHash());
        assertEquals(before, SourceSet.discover(FixtureTree.copyInto(dir.resolve("b")).root()).contentHash());
        tree.write("ontology/shapes.ttl", "# shapes are not loaded, so not hashed\n");
        assertEquals(before, SourceSet.discover(tree.root()).contentHash());

        // One byte changed.
        byte[] bytes = Files.readAllBytes(tree.path("data/concepts.ttl"));
        bytes[bytes.length - 2] ^= 1;
        Files.write(tree.path("data/concepts.ttl"), bytes);
        assertNotEquals(before, SourceSet.discover(tree.root()).contentHash());
    }

    @Test
    void content_hash_changes_when_a_file_is_renamed() throws IOException {
        FixtureTree tree = FixtureTree.copyInto(dir);
        String before = SourceSet.discover(tree.root()).contentHash();
        Files.move(tree.path("data/concepts.ttl"), tree.path("data/scheme.ttl"));
        assertNotEquals(before, SourceSet.discover(tree.root()).contentHash());
    }

    @Test
    void other_shapes_can_be_given_but_must_exist() {
        FixtureTree tree = FixtureTree.copyInto(dir);
        Path other = tree.write("other-shapes.ttl", "");
        assertEquals(Optional.of(other), SourceSet.discover(tree.root()).withShapes(other).shapes());
        assertThrows(IllegalArgumentException.class,
                () -> SourceSet.discover(tree.root()).withShapes(tree.path("missing.ttl")));
    }
}
