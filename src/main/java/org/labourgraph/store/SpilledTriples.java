package org.labourgraph.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * Triples set aside in a temporary binary file (RDF Thrift) and read back once, in order: the entailments a pass
 * derives, written to the store only when the pass is over (TDB2 forbids writing its indexes while iterating them, and
 * a consequence written early may be stated by the data a moment later). Nothing held in memory; the file is removed
 * on {@link #close()}.
 */
final class SpilledTriples implements AutoCloseable {
    private static final String PREFIX = "entailments-";
    private static final String SUFFIX = ".rt";
    private final Path folder;
    private final Path file;
    private OutputStream out;
    private StreamRDF writer;

    SpilledTriples(Path folder) {
        this.folder = folder;
        try {
            this.file = Files.createTempFile(folder, PREFIX, SUFFIX);
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw failure(e);
        }
        this.writer = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
        writer.start();
    }

    /**
     * Removes the files a process killed during an import or a recompute left in {@code folder}. Only when the store is
     * open here (TDB2 locks it), so no other process is writing one.
     */
    static void removeLeftovers(Path folder) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove the temporary files of entailments left in " + folder + ": " + e.getMessage()
                    + ". Remove the files " + PREFIX + "*" + SUFFIX + " there by hand.", e);
        }
    }

    void add(Triple t) {
        writer.triple(t);
    }

    /** Reads every triple back, in the order added; no more can be added after. */
    void replay(Consumer<Triple> each) {
        finishWriting();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            RDFParser.source(in).lang(Lang.RDFTHRIFT).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    each.accept(t);
                }
            });
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void finishWriting() {
        if (writer != null) {
            writer.finish();
            writer = null;
            try {
                out.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private StoreException failure(IOException e) {
        return new StoreException("Cannot write the temporary file of entailments in " + folder + ": " + e.getMessage()
                + ". Free some disk space or make the folder writable.", e);
    }
}
