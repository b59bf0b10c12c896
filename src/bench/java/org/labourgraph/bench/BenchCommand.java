package org.labourgraph.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import org.labourgraph.cli.TerminalProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code labourgraph bench …}: measurements, never part of the test run. Built into {@code labourgraph-bench.jar}, not
 * the served jar; {@code cli/BenchJar} finds this class there by name and adds it as the {@code bench} sub-command.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (loopback only, bounded in requests and time).",
        subcommands = {BenchCommand.Load.class, BenchCommand.Generate.class, BenchCommand.All.class})
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

    /** {@code bench all}: every measurement side by side, then BENCHMARKS.md. */
    @Command(name = "all", aliases = "report", mixinStandardHelpOptions = true,
            description = {"Run the whole benchmark (load vs tdb2.tdbloader, /sparql vs standalone Fuseki, pages vs a static file,",
                    "start-up, memory, queries per page) at each size, and write BENCHMARKS.md. Loopback only, bounded in time."})
    static final class All implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", converter = TripleCount.class, paramLabel = "N",
                description = "Graph sizes in triples (default: 1e5,1e6,5e6).")
        List<Long> sizes = List.of(100_000L, 1_000_000L, 5_000_000L);

        @Option(names = "--quick", description = "Short runs for development: 1 repeat, 3 s per load, 2 start-ups.")
        boolean quick;

        @Option(names = "--repeats", description = "Runs of each measurement (default: 3; --quick: 1).")
        Integer repeats;

        @Option(names = "--load-repeats", description = "Runs of each load (default: as --repeats below 1e6 triples, 1 from 1e6 on).")
        Integer loadRepeats;

        @Option(names = "--duration", paramLabel = "SECONDS", description = "Seconds per HTTP load (default: 10; --quick: 3).")
        Integer seconds;

        @Option(names = "--max-requests", description = "Most requests per HTTP load (default: ${DEFAULT-VALUE}).")
        long maxRequests = 2_000_000;

        @Option(names = "--connections", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
        int connections = 16;

        @Option(names = "--seed", description = "Seed of the generated thesauri (default: ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--work", paramLabel = "DIR", description = "Folder for data files, stores and logs (default: ${DEFAULT-VALUE}).")
        Path work = Path.of("target", "bench");

        @Option(names = "--output", paramLabel = "FILE", description = "The report (default: ${DEFAULT-VALUE}).")
        Path output = Path.of("BENCHMARKS.md");

        @Option(names = "--root", paramLabel = "DIR", description = "Project folder with ontology/ and data/ (default: the working directory).")
        Path root = Path.of("");

        @Option(names = "--jar", paramLabel = "FILE", description = "labourgraph jar to measure (default: ${DEFAULT-VALUE}).")
        Path jar = Path.of("target", "labourgraph.jar");

        @Option(names = "--fuseki-jar", paramLabel = "FILE",
                description = "Standalone jena-fuseki-server jar, also holding tdb2.tdbloader (default: ${DEFAULT-VALUE}; mvn package copies it).")
        Path fusekiJar = Path.of("target", "standalone", "jena-fuseki-server.jar");

        @Option(names = "--server-heap", description = "-Xmx of the servers (default: ${DEFAULT-VALUE}).")
        String serverHeap = "1g";

        @Option(names = "--machine-note", paramLabel = "TEXT", description = "What else ran on the machine, for the report.")
        String machineNote = "not stated (give --machine-note)";

        @Override
        public Integer call() throws Exception {
            for (Path required : List.of(jar, fusekiJar)) {
                if (!java.nio.file.Files.isRegularFile(required)) {
                    System.err.println("bench all: missing " + required.toAbsolutePath() + ": build first (mvn -B package -DskipTests),"
                            + " which also copies the standalone Fuseki jar to target/standalone/.");
                    return 2;
                }
            }
            if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1_000 || s > 50_000_000L)) {
                System.err.println("bench all: --sizes must be between 1e3 and 5e7 triples, got " + sizes);
                return 2;
            }
            int runs = repeats != null ? repeats : quick ? 1 : 3;
            int duration = seconds != null ? seconds : quick ? 3 : 10;
            if (runs < 1 || runs > 20 || duration < 1 || duration > 300 || connections < 1 || connections > 256) {
                System.err.println("bench all: --repeats 1..20, --duration 1..300 s, --connections 1..256");
                return 2;
            }
            List<Long> sorted = sizes.stream().sorted().distinct().toList();
            Path rootDir = root.toAbsolutePath();
            BenchmarkRun.Plan plan = new BenchmarkRun.Plan(sorted, runs, loadRepeats, Duration.ofSeconds(duration), maxRequests, connections, seed,
                    quick ? 2 : 5, work.toAbsolutePath(), rootDir, jar.toAbsolutePath(), fusekiJar.toAbsolutePath(), serverHeap);
            String loadBefore = MachineInfo.loadAverage();
            long started = System.nanoTime();
            System.err.printf("bench all: sizes %s, %d repeat(s), %d s per load, %d connections; logs and stores in %s%n", sorted, runs,
                    duration, connections, plan.workFolder());
            String command = "java -jar target/labourgraph.jar bench all --sizes " + String.join(",", sorted.stream().map(BenchCommand::sizeText).toList())
                    + (quick ? " --quick" : "") + (repeats != null ? " --repeats " + repeats : "") + (loadRepeats != null ? " --load-repeats " + loadRepeats : "") + (seconds != null ? " --duration " + seconds : "") + (machineNote.startsWith("not stated") ? "" : " --machine-note '…'");
            // The report is rewritten after each size: a long size that does not finish leaves the others' figures.
            BenchmarkRun run = new BenchmarkRun(plan, System.err);
            BenchResults results = run.run(partial -> {
                String note = machineNote + "; load average (1/5/15 min) " + loadBefore + " at the start, " + MachineInfo.loadAverage()
                        + " at the end";
                double soFar = (System.nanoTime() - started) / 6e10;
                String report = BenchmarkReport.render(partial, new BenchmarkReport.Context(command,
                        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString(), soFar, MachineInfo.describe(), note,
                        runs, duration, connections, run.loadGenerator()));
                try {
                    java.nio.file.Files.writeString(output, report);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + output, e);
                }
            });
            double minutes = (System.nanoTime() - started) / 6e10;
            String loadRatio = results.ratio(sorted.get(sorted.size() - 1), "load/labourgraph", "load/tdbloader", "triples/s")
                    .map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("-");
            String sparqlRatio = results.ratio(sorted.get(sorted.size() - 1), "sparql/lookup/labourgraph", "sparql/lookup/fuseki", "req/s")
                    .map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("-");
            System.err.printf(Locale.ROOT, "bench all: %d size(s) in %.1f min; at %s triples load %s× tdb2.tdbloader, lookup %s× Fuseki;"
                    + " report in %s%n", sorted.size(), minutes, sizeText(sorted.get(sorted.size() - 1)), loadRatio, sparqlRatio, output);
            return results.notes().isEmpty() ? 0 : 1;
        }
    }

    static String sizeText(long n) {
        long exponent = (long) Math.floor(Math.log10(n));
        long mantissa = n / (long) Math.pow(10, exponent);
        return mantissa * (long) Math.pow(10, exponent) == n ? mantissa + "e" + exponent : Long.toString(n);
    }
}
