package org.labourgraph.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The report's lines on the store's size on disk: labourgraph's store after its load and after the first serve,
 * whole and by part (TDB2, text index, history), beside tdb2.tdbloader's database for the same file; target ≤ 2×.
 */
final class StoreSizes {
    static final double TARGET = 2.0;
    private static final List<String> WHEN = List.of("after-load", "after-first-serve");

    private StoreSizes() {}

    /** The summary rows for one size: each of the two ratios against its target. */
    static List<String> summaryRows(BenchResults results, long size, String triples) {
        List<String> rows = new ArrayList<>();
        for (String when : WHEN) {
            results.ratio(size, "disk/" + when, "disk/tdbloader", "MiB").ifPresent(r -> rows.add("| store on disk " + when.replace('-', ' ')
                    + ": labourgraph ÷ tdb2.tdbloader's database | " + triples + " | " + String.format(Locale.ROOT, "%.2f×", r)
                    + " | ≤ " + String.format(Locale.ROOT, "%.0f", TARGET) + "× " + (r <= TARGET ? "(met)" : "(**missed**)") + " |"));
        }
        return rows;
    }

    /** The section's table, one row per size measured. */
    static List<String> table(BenchResults results, Collection<Long> sizes, LongFunction<String> triples) {
        List<String> lines = new ArrayList<>();
        lines.add("Disk space under each folder as `du` counts it (blocks allocated: TDB2 maps its files in 8 MiB steps that take no"
                + " space until written), in MiB. labourgraph's"
                + " store is measured when its load has ended and again once the first `serve` on it has answered and finished its"
                + " warm-ups; tdb2.tdbloader's database when it has loaded the same file.");
        lines.add("");
        lines.add("| triples | tdb2.tdbloader | labourgraph after load (TDB2 / text / history) | after the first serve (TDB2 / text / history) |");
        lines.add("|---:|---:|---:|---:|");
        for (long size : sizes) {
            Optional<Double> jena = median(results, size, "disk/tdbloader");
            if (jena.isEmpty() && median(results, size, "disk/after-load").isEmpty()) {
                continue;
            }
            lines.add("| " + triples.apply(size) + " | " + jena.map(StoreSizes::mib).orElse("–") + " | " + parts(results, size, "after-load")
                    + " | " + parts(results, size, "after-first-serve") + " |");
        }
        return lines;
    }

    private static String parts(BenchResults results, long size, String when) {
        Optional<Double> whole = median(results, size, "disk/" + when);
        if (whole.isEmpty()) {
            return "–";
        }
        List<String> each = new ArrayList<>();
        for (String part : BenchmarkRun.STORE_PARTS) {
            each.add(median(results, size, "disk/" + when + "/" + part).map(StoreSizes::mib).orElse("–"));
        }
        return mib(whole.get()) + " (" + String.join(" / ", each) + ")";
    }

    private static Optional<Double> median(BenchResults results, long size, String series) {
        return results.stats(size, series, "MiB").map(Stats::median);
    }

    private static String mib(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
