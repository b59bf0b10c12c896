package org.labourgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.labourgraph.config.InvalidSettingException;
import org.labourgraph.export.DumpFormat;
import org.labourgraph.export.ExportListener;
import org.labourgraph.export.ExportScope;
import org.labourgraph.export.ExportSummary;
import org.labourgraph.export.MappingSet;
import org.labourgraph.export.RdfExport;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code labourgraph export}: writes a dump of the store's public asserted graphs in one RDF format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a dump of the store's public data (asserted source graphs; the entailment graph is never included).",
                "Quad formats (nq, trig, brf) keep one named graph per source file; triple formats merge them.",
                "The server must be stopped (the store is locked to one process); a running server serves the same dumps at /dumps/."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "F",
            description = "ttl, nt, nq, trig, jsonld, rdf or brf (or the name: turtle, ntriples, nquads, trig, jsonld, rdfxml, binary);"
                    + " required unless --mappings.")
    String formatName;

    DumpFormat format;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "File to write ('-' for standard output). A name ending in .gz is gzip-compressed.")
    String output;

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this named graph, e.g. " + LG.GRAPH_NS + "concepts.")
    String graph;

    @Option(names = "--skos", description = "Only the SKOS thesaurus (scheme, concepts, labels, definitions, hierarchy), as a SKOS browser loads it.")
    boolean skos;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--context-url", paramLabel = "URL",
            description = "The JSON-LD context the jsonld dump refers to (default: ${DEFAULT-VALUE}); a server serves it at /context.jsonld.")
    String contextUrl = LG.DEFAULT_BASE + "context.jsonld";

    @Option(names = "--quiet", description = "No progress line and no summary.")
    boolean quiet;

    @Option(names = "--mappings", description = "Write the links to other vocabularies (data/alignments.ttl) as an SSSOM mapping"
            + " set (TSV with its YAML header) instead of RDF; the same file a server serves at /dumps/" + MappingSet.FILE_NAME + ".")
    boolean mappings;

    @Override
    public Integer call() throws IOException {
        if (mappings) {
            return writeMappings();
        }
        if (formatName == null) {
            System.err.println("export: --format is required (ttl, nt, nq, trig, jsonld, rdf or brf), or give --mappings for the SSSOM mapping set.");
            return 2;
        }
        format = DumpFormat.parse(formatName).orElseThrow(() -> new InvalidSettingException(
                "--format '" + formatName + "' is not a dump format: use one of " + DumpFormat.extensions()));
        if (skos && graph != null) {
            System.err.println("export: --skos and --graph cannot be combined: the SKOS dump spans every public graph.");
            return 2;
        }
        Path storeDir = store.toAbsolutePath();
        if (noStore(storeDir)) {
            return 1;
        }
        boolean toStdout = output.equals("-");
        try (LabourStore source = LabourStore.open(storeDir)) {
            ExportScope scope;
            try {
                scope = skos ? ExportScope.skos(source.dataset())
                        : graph != null ? ExportScope.graph(source.dataset(), graph) : ExportScope.allPublic(source.dataset());
            } catch (IllegalArgumentException e) {
                System.err.println("export: " + e.getMessage());
                return 1;
            }
            if (scope.graphs().isEmpty()) {
                System.err.println("export: the store in " + storeDir + " holds no public graph: nothing to export.");
                return 1;
            }
            boolean showProgress = !quiet && !toStdout && System.console() != null;
            Progress progress = showProgress
                    ? new Progress(System.err, RdfExport.count(source.dataset(), scope, format)) : null;
            ExportListener listener = progress != null ? progress : ExportListener.NONE;
            ExportSummary summary;
            long bytes;
            if (toStdout) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                summary = RdfExport.write(source.dataset(), scope, format, out, contextUrl, listener);
                out.flush();
                bytes = -1;
            } else {
                Path target = Path.of(output).toAbsolutePath();
                ExportScope chosen = scope;
                summary = atomically(target, out -> RdfExport.write(source.dataset(), chosen, format, out, contextUrl, listener));
                bytes = Files.size(target);
            }
            if (progress != null) {
                progress.finish();
            }
            if (!quiet) {
                System.err.println(summaryLine(summary, scope, toStdout ? "standard output" : output, bytes));
            }
        }
        return 0;
    }

    /** {@code export --mappings}: the SSSOM mapping set of the store's public graphs, to a file or standard output. */
    private int writeMappings() throws IOException {
        if (formatName != null || skos || graph != null) {
            System.err.println("export: --mappings writes the SSSOM mapping set of every public graph: drop --format, --skos and --graph.");
            return 2;
        }
        Path storeDir = store.toAbsolutePath();
        if (noStore(storeDir)) {
            return 1;
        }
        try (LabourStore source = LabourStore.open(storeDir)) {
            MappingSet.Summary summary;
            String base = contextUrl.substring(0, contextUrl.lastIndexOf('/') + 1);
            if (output.equals("-")) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                summary = MappingSet.write(source.dataset(), base, out);
                out.flush();
            } else {
                summary = atomically(Path.of(output).toAbsolutePath(), out -> MappingSet.write(source.dataset(), base, out));
            }
            if (!quiet) {
                System.err.printf(Locale.ROOT, "Exported %d mappings as SSSOM TSV to %s.%n", summary.mappings(),
                        output.equals("-") ? "standard output" : output);
            }
        }
        return 0;
    }

    /** True (and says so) when the folder holds no store. */
    private static boolean noStore(Path storeDir) {
        if (Files.isDirectory(storeDir.resolve("tdb2"))) {
            return false;
        }
        System.err.println("export: no store in " + storeDir + ": start the server once (labourgraph serve) or load data"
                + " (labourgraph load --store DIR FILE…), or point --store to the store folder.");
        return true;
    }

    /** What writes one export to a stream. */
    private interface Writing<T> {
        T to(OutputStream out) throws IOException;
    }

    /**
     * Writes beside the target and moves the file into place, so a failed export never leaves half a file;
     * a name ending in .gz is gzip-compressed.
     */
    private static <T> T atomically(Path target, Writing<T> writing) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".labourgraph-export-", ".part");
        try {
            T result;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 OutputStream out = target.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file) {
                result = writing.to(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String summaryLine(ExportSummary s, ExportScope scope, String where, long bytes) {
        String unit = s.format().keepsGraphs() ? "quads" : "triples";
        String what = scope.content() == ExportScope.Content.SKOS ? "SKOS thesaurus" : scope.graphs().size() + " graph(s)";
        return String.format(Locale.ROOT, "Exported %,d %s (%s) as %s to %s%s in %.1f s.", s.statements(), unit, what,
                s.format().displayName(), where, bytes >= 0 ? " (" + humanBytes(bytes) + ")" : "", s.took().toMillis() / 1000.0);
    }

    static String humanBytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }

    /** One progress line on the terminal, rewritten in place: count, rate, time left. */
    static final class Progress implements ExportListener {
        private final PrintStream err;
        private final long total;
        private final long start = System.nanoTime();
        private long lastPrint;

        Progress(PrintStream err, long total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void progress(long written) {
            long now = System.nanoTime();
            if (now - lastPrint < 200_000_000L && written < total) {
                return;
            }
            lastPrint = now;
            double seconds = Math.max((now - start) / 1e9, 1e-3);
            double rate = written / seconds;
            long left = rate > 0 ? (long) Math.ceil(Math.max(total - written, 0) / rate) : 0;
            err.printf(Locale.ROOT, "\r%,d / %,d statements (%3d%%)  %,.0f/s  %d:%02d left   ", written, total,
                    total == 0 ? 100 : (int) (100 * written / total), rate, left / 60, left % 60);
            err.flush();
        }

        void finish() {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
