package org.labourgraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labourgraph.export.MappingSet;
import org.labourgraph.reconcile.Alignment;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labourgraph align}: candidate links for curators. The English labels of the store's resources go to a
 * Reconciliation API service; its candidates at or above the threshold are written as an SSSOM file for review
 * (semapv:LexicalMatching, nothing asserted). Accepted rows — evidence in see_also, justification changed to
 * semapv:ManualMappingCuration — are added by {@code labourgraph load FILE.sssom.tsv}.
 */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = {"Ask a Reconciliation API service for candidate links of the store's resources and write them as an SSSOM"
                + " file for review (semapv:LexicalMatching; nothing is added to the store).",
                "To accept a row, put the address of the public page that states it in see_also and change its"
                + " mapping_justification to semapv:ManualMappingCuration; then: labourgraph load --graph IRI FILE.sssom.tsv.",
                "The server must be stopped (the store is locked to one process)."})
public final class AlignCommand implements Callable<Integer> {
    @Option(names = "--service", required = true, paramLabel = "URL",
            description = "The reconciliation service's address (its manifest), e.g. https://wikidata.reconci.link/en/api.")
    URI service;

    @Option(names = "--type", paramLabel = "T", description = "Only candidates of this type of the service (e.g. Q5 on Wikidata).")
    String type;

    @Option(names = "--threshold", paramLabel = "S", description = "Lowest score kept, 0–100 (default: ${DEFAULT-VALUE}).")
    double threshold = 80;

    @Option(names = "--candidates", paramLabel = "N", description = "Most candidates kept per resource (default: ${DEFAULT-VALUE}).")
    int perSubject = 3;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The SSSOM file to write ('-' for standard output).")
    String output;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--base", paramLabel = "IRI", description = "The site's base IRI: resources under <base>id/ are aligned (default: ${DEFAULT-VALUE}).")
    String base = LG.DEFAULT_BASE;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!"http".equals(service.getScheme()) && !"https".equals(service.getScheme())) {
            System.err.println("align: --service must be an http(s) address, not '" + service + "'.");
            return 2;
        }
        if (threshold < 0 || threshold > 100 || perSubject < 1) {
            System.err.println("align: --threshold is a score from 0 to 100 and --candidates at least 1.");
            return 2;
        }
        Path storeDir = store.toAbsolutePath();
        if (!Files.isDirectory(storeDir.resolve("tdb2"))) {
            System.err.println("align: no store in " + storeDir + ": load data first, or point --store to the store folder.");
            return 1;
        }
        List<Alignment.Subject> subjects;
        try (LabourStore source = LabourStore.open(storeDir)) {
            subjects = Alignment.subjects(source.dataset(), base + "id/");
        }
        List<Map<String, String>> rows;
        try {
            rows = new Alignment(service, type, threshold, perSubject).candidates(subjects);
        } catch (IOException e) {
            System.err.println("align: " + e.getMessage());
            return 1;
        }
        Map<String, String> metadata = Map.of("mapping_set_id", base + "align/candidates.sssom.tsv",
                "mapping_set_title", "labourgraph: candidate links from " + service + ", for review",
                "license", "https://creativecommons.org/licenses/by/4.0/", "mapping_tool", "labourgraph align");
        MappingSet.Summary summary;
        if (output.equals("-")) {
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            summary = MappingSet.writeTable(Alignment.COLUMNS, rows, metadata, out);
            out.flush();
        } else {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(output)), 1 << 16)) {
                summary = MappingSet.writeTable(Alignment.COLUMNS, rows, metadata, out);
            }
        }
        System.err.printf("align: %d candidate(s) for %d resource(s) written to %s for review.%n", summary.mappings(), subjects.size(),
                output.equals("-") ? "standard output" : output);
        return 0;
    }
}
