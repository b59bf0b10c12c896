package org.labourgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.history.PrecheckedWrites;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;
import org.labourgraph.vocab.LG;

/**
 * The bulk path of an import: Turtle / N-Triples files streamed from disk into their named graphs, through the
 * text-indexed dataset (so the index is built in the same pass), in the caller's one write transaction — a
 * syntax error or private content anywhere aborts it and the store stays as it was. Nothing is held in memory
 * but the parser's buffer: the entailments follow triple by triple ({@link StreamingEntailments}), or are
 * recomputed in full at the end when the import replaces graphs or changes the schema.
 */
final class StreamingImport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamingImport.class);
    /** One file and the named graph it goes into. */
    record FileIntoGraph(Path file, Lang lang, String graph) {}

    /** What the import did: triples read, and triples the entailment graph gained. */
    record Counts(long triples, long entailed) {}

    private StreamingImport() {}

    /**
     * @param derived the dataset the entailments are written to (under the history recorder: derived data is not history)
     * @param dataset the dataset the files' triples are written to (recorded), in the same transaction as {@code derived}
     */
    static Counts run(DatasetGraph derived, DatasetGraph dataset, Node entailmentGraph, List<FileIntoGraph> files, boolean replace,
                      Path spillFolder, LongConsumer progress) throws RdfSyntaxException {
        long started = System.nanoTime();
        if (replace) {
            files.forEach(f -> dataset.removeGraph(NodeFactory.createURI(f.graph())));
        }
        // Read after the removal: the filter knows what the store holds from here on.
        AbsenceFilter absent = AbsenceFilter.over(derived, expectedTriples(files));
        long[] count = {0};
        boolean[] schemaChanged = {false};
        long streamed;
        long entailed;
        // Removing triples can take entailments away: only a full refresh handles that.
        try (StreamingEntailments incremental = replace ? null
                : StreamingEntailments.incremental(derived, entailmentGraph, absent, spillFolder)) {
            for (FileIntoGraph f : files) {
                Node g = NodeFactory.createURI(f.graph());
                SourceParser.stream(f.file(), f.lang(), new StreamRDFBase() {
                    @Override
                    public void triple(Triple t) {
                        if (t.getPredicate().equals(LG.visibility.asNode()) && t.getObject().equals(LG.Private.asNode())) {
                            throw new StoreException(f.file() + " marks <" + t.getSubject() + "> as private (lg:visibility lg:Private),"
                                    + " but this load is public. Load private content with: labourgraph load --visibility private FILE…"
                                    + " (server stopped). Nothing was written.");
                        }
                        boolean wasAbsent = absent.surelyAbsent(t.getSubject(), t.getPredicate(), t.getObject());
                        if (wasAbsent) {
                            PrecheckedWrites.addAbsent(dataset, g, t.getSubject(), t.getPredicate(), t.getObject());
                        } else {
                            dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                        }
                        absent.noteStored(t.getSubject(), t.getPredicate(), t.getObject());
                        schemaChanged[0] |= StreamingEntailments.isSchema(t);
                        if (incremental != null && !schemaChanged[0]) {
                            incremental.asserted(t, wasAbsent);
                        }
                        if (++count[0] % 10_000 == 0) {
                            progress.accept(count[0]);
                        }
                    }
                });
            }
            progress.accept(count[0]);
            streamed = System.nanoTime();
            entailed = incremental == null || schemaChanged[0]
                    ? StreamingEntailments.refresh(derived, entailmentGraph, spillFolder)
                    : incremental.finish();
        }
        LOG.debug("Streamed {} triples (parse, store, text index, history rows, one-triple entailments) in {} ms;"
                + " joining entailment rules in {} ms", count[0], (streamed - started) / 1_000_000, (System.nanoTime() - streamed) / 1_000_000);
        return new Counts(count[0], entailed);
    }

    /** About how many triples the files hold: N-Triples lines run to about 200 bytes; Turtle says more in fewer. */
    private static long expectedTriples(List<FileIntoGraph> files) {
        long bytes = 0;
        for (FileIntoGraph f : files) {
            try {
                bytes += Files.size(f.file());
            } catch (IOException e) {
                // The parser says what is wrong with the file; the filter only needs a size.
            }
        }
        return bytes / 100;
    }

    /** Carries a syntax error out of the caller's transaction (which it aborts) to the caller. */
    static final class SyntaxErrorInTransaction extends RuntimeException {
        final RdfSyntaxException error;

        SyntaxErrorInTransaction(RdfSyntaxException error) {
            super(error);
            this.error = error;
        }
    }
}
