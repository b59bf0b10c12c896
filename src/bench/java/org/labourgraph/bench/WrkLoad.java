package org.labourgraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load of the bench run by wrk (the tool of the reference figures) when it is installed: a C load
 * generator costs far less CPU per request than a JVM client on the same 2 cores, so what is measured is the server.
 * The targets rotate through a list (rotate.lua); connections, duration and a 30 s request timeout as asked.
 */
final class WrkLoad {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path wrk;
    private final Path scratch;

    private WrkLoad(Path wrk, Path scratch) {
        this.wrk = wrk;
        this.scratch = scratch;
    }

    /** wrk from the PATH, if there; {@code scratch} holds its script and path lists. */
    static Optional<WrkLoad> find(Path scratch) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new WrkLoad(candidate, scratch));
            }
        }
        return Optional.empty();
    }

    String describe() {
        return wrk.toString();
    }

    /**
     * One run over the targets (all on one loopback origin); {@code afresh} sends {@code Cache-Control: no-cache}, so
     * every page is rendered, not read from the page cache.
     */
    ClosedLoop.Outcome run(List<URI> targets, String accept, boolean afresh, int connections, Duration duration)
            throws IOException, InterruptedException {
        targets.forEach(MixedLoad::requireLoopback);
        URI first = targets.get(0);
        String origin = first.getScheme() + "://" + first.getRawAuthority();
        List<String> paths = new ArrayList<>();
        for (URI t : targets) {
            if (!(t.getScheme() + "://" + t.getRawAuthority()).equals(origin)) {
                throw new IllegalArgumentException("wrk loads one origin at a time: " + t + " is not on " + origin);
            }
            paths.add(t.getRawPath() + (t.getRawQuery() == null ? "" : "?" + t.getRawQuery()));
        }
        Files.createDirectories(scratch);
        Path script = scratch.resolve("rotate.lua");
        try (InputStream in = WrkLoad.class.getResourceAsStream("rotate.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Path list = Files.createTempFile(scratch, "paths-", ".txt");
        Files.write(list, paths, StandardCharsets.UTF_8);
        try {
            List<String> command = List.of(wrk.toString(), "-t", String.valueOf(Math.min(2, connections)), "-c", String.valueOf(connections),
                    "-d", duration.toSeconds() + "s", "--timeout", "30s", "--latency", "-s", script.toString(), origin + paths.get(0),
                    "--", list.toString(), accept, afresh ? "no-cache" : "");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + p.exitValue() + ": " + out.strip());
            }
            return parse(out, origin + paths.get(0));
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** Reads wrk's report (with --latency). */
    static ClosedLoop.Outcome parse(String out, String firstTarget) {
        Matcher r = REQUESTS.matcher(out);
        if (!r.find()) {
            throw new IllegalStateException("Cannot read wrk's output: " + out.strip());
        }
        long requests = Long.parseLong(r.group(1));
        double seconds = millis(r.group(2), r.group(3)) / 1000.0;
        double p50 = -1;
        double p99 = -1;
        Matcher m = PERCENTILE.matcher(out);
        while (m.find()) {
            double ms = millis(m.group(2), m.group(3));
            if (m.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        long failed = 0;
        String firstFailure = null;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) {
            failed += Long.parseLong(n.group(1));
            firstFailure = n.group(1) + " answers not 2xx/3xx (wrk; first target " + firstTarget + ")";
        }
        Matcher s = SOCKET_ERRORS.matcher(out);
        if (s.find()) {
            long errors = 0;
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(s.group(g));
            }
            if (errors > 0) {
                failed += errors;
                firstFailure = firstFailure != null ? firstFailure : "wrk: " + s.group(0);
            }
        }
        long ok = Math.max(0, requests - failed);
        return new ClosedLoop.Outcome(ok, failed, seconds, ok / seconds, p50, p99, -1, firstFailure);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000.0;
            case "s" -> v * 1000.0;
            case "m" -> v * 60_000.0;
            default -> v;
        };
    }
}
