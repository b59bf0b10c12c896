package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's Virtuoso 7 ({@code virtuoso-opensource}) as a child process on loopback ports: the second, non-Jena
 * SPARQL 1.1 store the external mode is tested against. Debian's virtuoso.ini is copied into the folder given and
 * every file it writes (database, transaction log, error log, lock) and both ports are rewritten to point there;
 * the process runs in the foreground, so ending it ends the server. {@link #close} always ends it, and a shutdown
 * hook does if the test JVM dies first. Query and update share one URL, {@link #endpoint()}.
 */
final class Virtuoso implements AutoCloseable {
    static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    static final Path ISQL = Path.of("/usr/bin/isql-vt");
    static final Path DEBIAN_INI = Path.of("/etc/virtuoso-opensource-7/virtuoso.ini");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration SQL_LIMIT = Duration.ofSeconds(120);
    /** Its last startup line: both listeners are up ("Server online at 1111 (pid 42)"). */
    private static final String ONLINE = "Server online at ";
    /** Its lines when a port is taken, then it exits: "Failed to start listening at SQL port '1111'", "Failed HTTP listen at 127.0.0.1:8890." */
    private static final List<String> PORT_TAKEN = List.of("Failed to start listening", "Failed HTTP listen");

    /**
     * Lets the anonymous endpoint update (its SQL user is "SPARQL"). The role alone lets INSERT DATA through; each
     * other form calls procedures the user must be granted one by one (found by trying: Virtuoso names the missing
     * one in its error). LOAD's SPARUL_LOAD is left out on purpose: it reads files and URLs. Then the free-text
     * index of every literal, which bif:contains reads.
     */
    private static final List<String> SETUP = List.of(
            "grant SPARQL_UPDATE to \"SPARQL\"",
            "grant execute on DB.DBA.L_O_LOOK to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_INSERT_CTOR_ACC to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_INSERT_DICT_CONTENT to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_DELETE_CTOR_ACC to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_DELETE_DICT_CONTENT to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_MODIFY_BY_DICT_CONTENTS to \"SPARQL\"",
            "grant execute on DB.DBA.SPARQL_INS_OR_DEL_OR_MODIFY_CTOR_FIN to \"SPARQL\"",
            "grant execute on DB.DBA.SPARUL_DROP to \"SPARQL\"",
            "grant execute on DB.DBA.SPARUL_CLEAR to \"SPARQL\"",
            "grant execute on DB.DBA.SPARUL_CREATE to \"SPARQL\"",
            "DB.DBA.RDF_OBJ_FT_RULE_ADD(null, null, 'All')");

    private final Process process;
    private final Path home;
    private final int sqlPort;
    private final int httpPort;
    private final CompletableFuture<Void> online = new CompletableFuture<>();
    private final Thread killOnExit;

    private Virtuoso(Process process, Path home, int sqlPort, int httpPort) {
        this.process = process;
        this.home = home;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.killOnExit = new Thread(process::destroyForcibly, "virtuoso-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(ISQL) && Files.isReadable(DEBIAN_INI);
    }

    /** Skips the calling test where Virtuoso is not installed; on CI (CI=true, .ci/run installs it) fails instead. */
    static void assumeInstalled() {
        boolean installed = installed();
        assertTrue(installed || !"true".equals(System.getenv("CI")), "CI must have virtuoso-opensource (see .ci/run)");
        assumeTrue(installed, "Virtuoso 7 is not installed: apt-get install -y virtuoso-opensource");
    }

    /**
     * Starts a fresh database in {@code folder}, lets SPARQL updates through the anonymous endpoint and turns on
     * the free-text index of literals (what {@code bif:contains} reads). Virtuoso cannot be told to bind port 0 and
     * report the port it got, so two free ports are picked here and released before it binds them; another process
     * may take one meanwhile, in which case Virtuoso says so and exits, and the start is tried again on new ports.
     */
    static Virtuoso start(Path folder) throws IOException, InterruptedException {
        return start(folder, () -> freePorts(2));
    }

    /** Two ports, SQL then HTTP, for one start attempt. */
    interface PortPicker {
        int[] pick() throws IOException;
    }

    /** As {@link #start(Path)}, with the ports of each attempt from {@code picker} (a test gives it a taken one). */
    static Virtuoso start(Path folder, PortPicker picker) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path home = folder.resolve("attempt-" + attempt);
            Files.createDirectories(home);
            int[] ports = picker.pick();
            Virtuoso v = launch(home, ports[0], ports[1]);
            try {
                v.awaitOnline();
                v.sql(SETUP);
                return v;
            } catch (PortTakenException e) {
                v.close();
                last = e;
            } catch (IOException | InterruptedException | RuntimeException e) {
                v.close();
                throw e;
            }
        }
        throw last;
    }

    private static Virtuoso launch(Path home, int sqlPort, int httpPort) throws IOException {
        Path ini = home.resolve("virtuoso.ini");
        Files.write(ini, rewrite(Files.readAllLines(DEBIAN_INI, StandardCharsets.ISO_8859_1), home, sqlPort, httpPort),
                StandardCharsets.ISO_8859_1);
        Process p = new ProcessBuilder(SERVER.toString(), "+foreground", "+configfile", ini.toString())
                .directory(home.toFile()).redirectErrorStream(true).start();
        Virtuoso v = new Virtuoso(p, home, sqlPort, httpPort);
        Thread copier = new Thread(v::copyOutput, "virtuoso-output");
        copier.setDaemon(true);
        copier.start();
        return v;
    }

    /** Debian's ini with its files in {@code home} and the given ports; everything else as Debian ships it. */
    static List<String> rewrite(List<String> ini, Path home, int sqlPort, int httpPort) {
        List<String> out = new ArrayList<>();
        String section = "";
        for (String line : ini) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                section = trimmed.substring(1, trimmed.length() - 1);
                out.add(line);
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 || trimmed.startsWith(";") ? "" : line.substring(0, eq).strip();
            String suffix = section.equals("TempDatabase") ? "-temp" : "";
            String value = switch (section + "/" + key) {
                case "Database/DatabaseFile", "TempDatabase/DatabaseFile" -> home.resolve("virtuoso" + suffix + ".db").toString();
                case "Database/TransactionFile", "TempDatabase/TransactionFile" -> home.resolve("virtuoso" + suffix + ".trx").toString();
                case "Database/ErrorLogFile" -> home.resolve("virtuoso.log").toString();
                case "Database/LockFile" -> home.resolve("virtuoso.lck").toString();
                case "Database/xa_persistent_file" -> home.resolve("virtuoso.pxa").toString();
                case "Parameters/ServerPort" -> "127.0.0.1:" + sqlPort;
                case "HTTPServer/ServerPort" -> "127.0.0.1:" + httpPort;
                // Files it may read or write through SQL (file_to_string, bulk load): its own folder and the VADs.
                case "Parameters/DirsAllowed" -> "., " + home + ", /usr/share/virtuoso-opensource-7/vad";
                case "URIQA/DefaultHost" -> "127.0.0.1:" + httpPort;
                default -> null;
            };
            out.add(value == null ? line : key + " = " + value);
        }
        // Words of the free-text index folded to their base letters (fantôme is indexed as fantome), as labourgraph's
        // own search folds them; Debian's ini has no [I18N] section, and without it bif:contains is accent-sensitive.
        out.add("[I18N]");
        out.add("XAnyNormalization = 3");
        return out;
    }

    static int[] freePorts(int n) throws IOException {
        // All held open together, so the n ports differ; closed before Virtuoso binds them (it cannot bind 0).
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    /** Copies the output to a log file and completes {@link #online} on its "Server online" line (fails it at EOF). */
    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(home.resolve("stdout.log"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.contains(ONLINE)) {
                    online.complete(null);
                } else if (PORT_TAKEN.stream().anyMatch(line::contains)) {
                    online.completeExceptionally(new PortTakenException(line));
                }
            }
        } catch (IOException e) {
            online.completeExceptionally(new UncheckedIOException("reading Virtuoso's output", e));
        }
        online.completeExceptionally(new IllegalStateException("Virtuoso ended before it was online:\n" + log()));
    }

    private void awaitOnline() throws IOException, InterruptedException {
        try {
            online.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Virtuoso was not online within " + START_LIMIT.toSeconds() + " s:\n" + log(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PortTakenException taken) {
                throw taken;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs SQL statements as dba through isql, from a script file (its exec= argument mangles some text, such as
     * LIKE patterns); any error it prints fails the call, since isql itself exits 0.
     */
    String sql(List<String> statements) throws IOException, InterruptedException {
        Path script = Files.createTempFile(home, "isql-", ".sql");
        Files.writeString(script, String.join(";\n", statements) + ";\n", StandardCharsets.UTF_8);
        Process isql = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba", script.toString())
                .redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!isql.waitFor(SQL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            isql.destroyForcibly();
            throw new IllegalStateException("isql did not finish within " + SQL_LIMIT.toSeconds() + " s: " + statements);
        }
        String text = output.join();
        if (isql.exitValue() != 0 || text.contains("*** Error")) {
            throw new IllegalStateException("isql " + statements + " failed (exit " + isql.exitValue() + "):\n" + text);
        }
        return text;
    }

    /** Indexes the literals written since the last call, so that {@code bif:contains} finds them now, not at the next batch. */
    void indexText() throws IOException, InterruptedException {
        sql(List.of("DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ()"));
    }

    /** Query and update service (SPARQL 1.1 Protocol, both on one URL). */
    URI endpoint() {
        return URI.create(baseUrl() + "/sparql");
    }

    /** Its Graph Store Protocol service (reads anonymous; it has no default graph to name with ?default). */
    URI graphStore() {
        return URI.create(baseUrl() + "/sparql-graph-crud");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** What it printed so far (its error log mirrors this in the foreground): for a failing assertion's message. */
    String log() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("stdout.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(30), killOnExit);
    }

    /** A port picked here was taken before Virtuoso bound it: worth another try on other ports. */
    private static final class PortTakenException extends IOException {
        PortTakenException(String line) {
            super("Virtuoso could not bind its port: " + line);
        }
    }
}
