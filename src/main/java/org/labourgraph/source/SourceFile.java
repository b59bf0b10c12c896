package org.labourgraph.source;

import java.nio.file.Path;
import org.labourgraph.vocab.LG;

/**
 * One RDF source file and the named graph it loads into: {@code LG.GRAPH_NS + file stem},
 * e.g. {@code data/concepts.ttl} → {@code https://w3id.org/labourgraph/graph/concepts}.
 */
public record SourceFile(Path path, String graphIri) {

    /** The source file for a path, its graph named after the file's stem. */
    public static SourceFile of(Path path) {
        return new SourceFile(path, LG.GRAPH_NS + stemOf(path));
    }

    /** The file name without its extension: {@code concepts.ttl} → {@code concepts}. */
    public static String stemOf(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
