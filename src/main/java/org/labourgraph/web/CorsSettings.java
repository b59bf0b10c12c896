package org.labourgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.fuseki.main.FusekiServer;

/**
 * The CORS settings (cors.properties beside this class), handed to Fuseki. Fuseki reads them from a file, at once,
 * so the file is a temporary copy deleted as soon as Fuseki has read it: none is left behind by a process that is
 * killed rather than stopped.
 */
final class CorsSettings {
    private CorsSettings() {}

    /** Enables CORS on {@code builder} with these settings and returns it. */
    static FusekiServer.Builder applyTo(FusekiServer.Builder builder) {
        Path file = null;
        try (InputStream in = CorsSettings.class.getResourceAsStream("cors.properties")) {
            file = Files.createTempFile("labourgraph-cors", ".properties");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return builder.enableCors(true, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the CORS settings: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit(); // a temporary file's folder we cannot write: the JVM's exit tries again
                }
            }
        }
    }
}
