package org.labourgraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The dump formats, each a value: its file extension, its media type and whether it keeps the named graphs.
 * Quad formats (N-Quads, TriG, RDF4J binary) keep one named graph per source file; triple formats hold
 * the merged public graphs, each triple once.
 */
public enum DumpFormat {
    TURTLE("ttl", RDFFormat.TURTLE, "text/turtle", false),
    NTRIPLES("nt", RDFFormat.NTRIPLES, "application/n-triples", false),
    NQUADS("nq", RDFFormat.NQUADS, "application/n-quads", true),
    TRIG("trig", RDFFormat.TRIG, "application/trig", true),
    JSONLD("jsonld", RDFFormat.JSONLD, "application/ld+json", false),
    RDFXML("rdf", RDFFormat.RDFXML, "application/rdf+xml", false),
    BINARY("brf", RDFFormat.BINARY, "application/x-binary-rdf", true);

    private final String extension;
    private final RDFFormat rio;
    private final String mediaType;
    private final boolean keepsGraphs;

    DumpFormat(String extension, RDFFormat rio, String mediaType, boolean keepsGraphs) {
        this.extension = extension;
        this.rio = rio;
        this.mediaType = mediaType;
        this.keepsGraphs = keepsGraphs;
    }

    /** File extension without the dot, e.g. {@code ttl}. */
    public String extension() {
        return extension;
    }

    /** The media type served, without parameters. */
    public String mediaType() {
        return mediaType;
    }

    /** True for the text formats, which are served with {@code charset=utf-8}. */
    public boolean isText() {
        return this != BINARY;
    }

    /** True when the format keeps the named graphs (one per source file). */
    public boolean keepsGraphs() {
        return keepsGraphs;
    }

    /** A readable name, e.g. "Turtle". */
    public String displayName() {
        return rio.getName();
    }

    RDFFormat rio() {
        return rio;
    }

    /** By extension ({@code ttl}) or by name ({@code turtle}, {@code jsonld}), case-insensitive. */
    public static Optional<DumpFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(t) || f.name().toLowerCase(Locale.ROOT).equals(t.replace("-", "")))
                .findFirst();
    }

    /** The format a file name's extension stands for ({@code x.ttl}, {@code x.ttl.gz}). */
    public static Optional<DumpFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(n.substring(dot + 1));
    }

    /** The extensions, for messages: "ttl, nt, nq, trig, jsonld, rdf, brf". */
    public static String extensions() {
        return String.join(", ", Arrays.stream(values()).map(DumpFormat::extension).toList());
    }
}
