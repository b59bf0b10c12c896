package org.labourgraph.cli;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import java.util.Locale;
import org.labourgraph.bench.MixedLoad;
import org.labourgraph.bench.TerminalProgress;
import org.labourgraph.bench.ThesaurusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code labourgraph bench …}: measurements, never part of the test run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (loopback only, bounded in requests and time).",
        subcommands = {BenchCommand.Load.class, BenchCommand.Generate.class})
public final class BenchCommand {

    /** {@code bench load}: a mixed load on a running server while a runaway query runs. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Mixed load on a running server (search, autocomplete, SPARQL look-ups, pages) with one runaway query.",
                    "Prints requests, statuses, 5xx and connection errors, and p50/p99/max per kind of request."})
    static final class Load implements Callable<Integer> {
        @Option(names = "--url", description = "The server, on this machine (default: ${DEFAULT-VALUE}).")
        URI url = URI.create("http://127.0.0.1:8080/");

        @Option(names = "--connections", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
        int connections = 64;

        @Option(names = "--duration", paramLabel = "SECONDS", description = "How long (default: ${DEFAULT-VALUE} s).")
        int seconds = 60;

        @Option(names = "--no-runaway", description = "Measure the mix alone, without the runaway query.")
        boolean noRunaway;

        @Override
        public Integer call() throws Exception {
            MixedLoad load;
            try {
                load = new MixedLoad(url, connections, Duration.ofSeconds(seconds), MixedLoad.defaultMix(),
                        noRunaway ? null : MixedLoad.defaultRunaway());
            } catch (IllegalArgumentException e) {
                System.err.println("bench load: " + e.getMessage());
                return 2;
            }
            System.err.printf("bench load: %d connections for %d s on %s, with one runaway query%n", connections, seconds, url);
            MixedLoad.Result r = load.run(System.err);
            System.out.printf("%-16s %9s %9s %9s %9s%n", "kind", "requests", "p50 ms", "p99 ms", "max ms");
            r.latencies().forEach((kind, lat) -> System.out.printf("%-16s %,9d %9.1f %9.1f %9.1f%n", kind, lat.count(),
                    lat.percentileMillis(50), lat.percentileMillis(99), lat.percentileMillis(100)));
            StringBuilder statuses = new StringBuilder();
            for (Map.Entry<Integer, Long> e : r.statuses().entrySet()) {
                statuses.append(' ').append(e.getKey()).append('×').append(e.getValue());
            }
            System.out.println("statuses:" + statuses);
            if (noRunaway) {
                System.out.println("runaway query: none (--no-runaway)");
            } else {
                System.out.printf("runaway query: HTTP %d after %,d ms%n", r.runawayStatus(), r.runawayMillis());
            }
            System.out.printf("bench load: %,d requests in %d s (%,.0f req/s), %d 5xx, %d connection errors%n", r.total(),
                    r.elapsed().toSeconds(), r.total() / (r.elapsed().toMillis() / 1000.0), r.serverErrors(), r.connectionErrors());
            return r.serverErrors() == 0 && r.connectionErrors() == 0 ? 0 : 1;
        }
    }

    /** {@code bench generate}: a synthetic thesaurus of a given size, the same file for the same seed. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a synthetic thesaurus (concepts in fr and en, a broader tree, related links, persons, works) as N-Triples.",
                    "Deterministic: the same --triples and --seed give the same bytes."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--triples", required = true, paramLabel = "N", converter = TripleCount.class,
                description = "About how many triples (within a few %%), e.g. 100000, 1e6, 5e6.")
        long triples;

        @Option(names = "--seed", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The N-Triples file to write (.nt).")
        Path output;

        @Override
        public Integer call() throws Exception {
            ThesaurusGenerator generator;
            try {
                generator = ThesaurusGenerator.forTriples(triples, seed);
            } catch (IllegalArgumentException e) {
                System.err.println("bench generate: " + e.getMessage());
                return 2;
            }
            TerminalProgress progress = TerminalProgress.start("triples", triples);
            long written = generator.write(output, progress::update);
            progress.finish();
            System.err.printf(Locale.ROOT, "bench generate: %,d triples (%,d concepts, %,d works, %,d persons, seed %d) in %s, %.1f s%n",
                    written, generator.concepts(), generator.works(), generator.persons(), seed, output, progress.seconds());
            return 0;
        }
    }

    /** Reads 100000, 1e6, 5e6 or 5_000_000 as a whole number. */
    static final class TripleCount implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return new java.math.BigDecimal(value.replace("_", "").replace(",", "")).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a whole number (e.g. 100000, 1e6, 5e6)");
            }
        }
    }
}
