package org.labourgraph.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

/** The source-file oracle and a reader for every dump format, for tests in other packages. */
public final class ExportTestSupport {
    private ExportTestSupport() {}

    /** The merge of the public source files, read from ontology/ and data/ (not from a store). */
    public static Graph publicTriples() {
        return StoreFixture.publicTriples();
    }

    /** Each public source file in its named graph, read from ontology/ and data/ (not from a store). */
    public static DatasetGraph publicQuads() {
        return StoreFixture.publicQuads();
    }

    /**
     * Reads a dump or RDF answer by its file extension (ttl, nt, nq, trig, jsonld, rdf, brf): Jena for the
     * standard syntaxes (JSON-LD's context URL answered with the published context, never fetched), RDF4J Rio
     * for its binary format. Typed literals come back in canonical form, as {@link #publicQuads()} gives them.
     */
    public static DatasetGraph read(byte[] bytes, String extension) {
        return StoreFixture.canonical(parse(bytes, extension));
    }

    private static DatasetGraph parse(byte[] bytes, String extension) {
        return switch (extension) {
            case "brf" -> readBinary(bytes);
            case "jsonld" -> DatasetGraphFactory.wrap(DumpRoundTripTest.readTriples(bytes, DumpFormat.JSONLD));
            default -> {
                Lang lang = RDFLanguages.fileExtToLang(extension);
                if (lang == null) {
                    throw new IllegalArgumentException("no RDF syntax for ." + extension);
                }
                yield RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).toDatasetGraph();
            }
        };
    }

    static DatasetGraph readBinary(byte[] bytes) {
        DatasetGraph read = DatasetGraphFactory.create();
        var parser = Rio.createParser(RDFFormat.BINARY);
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                read.add(RioToJena.quad(st));
            }
        });
        try {
            parser.parse(new ByteArrayInputStream(bytes), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read;
    }
}
