package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;

/** The CORS settings reach Fuseki through a temporary file that is gone once read (its effect: SparqlEndpointTest). */
class CorsSettingsTest {

    private static Set<Path> corsFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("labourgraph-cors")).collect(Collectors.toSet());
        }
    }

    @Test
    void applying_the_settings_leaves_no_temporary_file_behind() throws Exception {
        Set<Path> before = corsFiles();
        CorsSettings.applyTo(FusekiServer.create());
        CorsSettings.applyTo(FusekiServer.create());
        Set<Path> left = new HashSet<>(corsFiles());
        left.removeAll(before);
        assertEquals(Set.of(), left);
    }
}
