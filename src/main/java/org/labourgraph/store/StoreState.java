package org.labourgraph.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the store last loaded from ontology/ and data/: the content hash and the named graphs it wrote.
 * Kept in the store folder and written only after the load's transaction committed: a crash between the
 * two leaves the old hash, so the next start reloads (idempotently) — never the reverse.
 */
record StoreState(String contentHash, List<String> sourceGraphs) {
    static final String FILE_NAME = "labourgraph-sources.properties";

    static Optional<StoreState> read(Path storeDir) {
        Path file = storeDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        String graphs = p.getProperty("sourceGraphs", "").trim();
        return Optional.of(new StoreState(p.getProperty("contentHash", ""),
                graphs.isEmpty() ? List.of() : Arrays.asList(graphs.split("\\s+"))));
    }

    void write(Path storeDir) {
        Properties p = new Properties();
        p.setProperty("contentHash", contentHash);
        p.setProperty("sourceGraphs", String.join(" ", sourceGraphs));
        Path tmp = storeDir.resolve(FILE_NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "labourgraph: sources loaded in this store (written after the load committed)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, storeDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + storeDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }
}
