package org.labourgraph.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The CORS settings (cors.properties beside this class), handed to Fuseki, which reads them from a file. */
final class CorsSettings {
    private CorsSettings() {}

    private static volatile String file;

    static synchronized String file() {
        if (file == null) {
            try (InputStream in = CorsSettings.class.getResourceAsStream("cors.properties")) {
                Path tmp = Files.createTempFile("labourgraph-cors", ".properties");
                tmp.toFile().deleteOnExit();
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                file = tmp.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the CORS settings: " + e.getMessage(), e);
            }
        }
        return file;
    }
}
