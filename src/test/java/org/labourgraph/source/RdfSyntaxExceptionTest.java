package org.labourgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RdfSyntaxExceptionTest {

    @Test
    void message_is_file_line_column_detail() {
        RdfSyntaxException error = new RdfSyntaxException(Path.of("data/concepts.ttl"), 12, 5, "Undefined prefix: lgx");
        assertEquals("data/concepts.ttl:12:5: Undefined prefix: lgx", error.getMessage());
        assertEquals("data/concepts.ttl:12:5", error.location());
    }

    @Test
    void a_file_under_the_working_directory_is_shown_relative_to_it() {
        Path absolute = Path.of("").toAbsolutePath().resolve("data").resolve("concepts.ttl");
        assertEquals("data/concepts.ttl:3:1: bad", new RdfSyntaxException(absolute, 3, 1, "bad").getMessage());
        assertEquals(absolute, new RdfSyntaxException(absolute, 3, 1, "bad").file());
    }

    @Test
    void an_error_about_the_whole_file_has_no_position() {
        RdfSyntaxException error = RdfSyntaxException.wholeFile(Path.of("./data/notes.tll"), "unknown extension");
        assertEquals("data/notes.tll: unknown extension", error.getMessage());
        assertEquals(-1, error.line());
        assertEquals(-1, error.column());
    }
}
