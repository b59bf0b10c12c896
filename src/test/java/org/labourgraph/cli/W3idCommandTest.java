package org.labourgraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.web.W3idRedirects;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code labourgraph w3id}: writes the w3id.org directory's two files; the committed deploy/w3id/ is its output. */
class W3idCommandTest {
    /** The placeholder deployment the committed files are generated for. */
    static final String PLACEHOLDER = "https://labourgraph.example.org/";

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabourgraphCommand.commandLine(args);
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void the_command_writes_the_htaccess_and_readme_for_the_target(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("w3id");
        assertEquals(0, run("w3id", "--target", "https://lg.example.net/app", "--output", out.toString()));
        String htaccess = Files.readString(out.resolve(".htaccess"));
        assertTrue(htaccess.contains("RewriteRule ^id/(.*)$ https://lg.example.net/app/doc/$1 [R=303,L]"), htaccess);
        assertTrue(Files.readString(out.resolve("README.md")).contains("https://lg.example.net/app/"));
    }

    @Test
    void the_committed_deploy_w3id_files_are_what_the_command_writes_for_the_placeholder_target(@TempDir Path dir) throws Exception {
        assertEquals(0, run("w3id", "--target", PLACEHOLDER, "--output", dir.toString()));
        Path committed = ProjectPaths.root().resolve("deploy/w3id");
        for (String file : new String[] {W3idRedirects.HTACCESS, W3idRedirects.README}) {
            assertEquals(Files.readString(dir.resolve(file)), Files.readString(committed.resolve(file)),
                    file + " is stale: run `labourgraph w3id --target " + PLACEHOLDER + "`");
        }
    }

    @Test
    void a_target_that_is_not_a_base_url_is_a_usage_error_that_names_the_option(@TempDir Path dir) {
        for (String bad : new String[] {"labourgraph.example.org", "ftp://example.org/", "https://example.org/?x=1", "https://example.org/$1/"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, run("w3id", "--target", bad, "--output", dir.toString()), bad);
            assertTrue(err.toString().contains("--target"), err::toString);
        }
    }
}
