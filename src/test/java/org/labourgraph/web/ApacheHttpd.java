package org.labourgraph.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Apache httpd as a child process on a loopback port, serving one folder with {@code .htaccess} files
 * enabled (AllowOverride All, mod_rewrite), the way w3id.org serves its repository. Everything it writes (pid,
 * logs) stays in its own folder; it runs in the foreground ({@code -X}), so stopping the process stops it.
 */
final class ApacheHttpd implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/apache2");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    /** Static modules (unixd, log_config, …) are compiled in; these few are what .htaccess rewriting needs. */
    private static final List<String> MODULES_NEEDED = List.of("mpm_event", "authz_core", "rewrite", "alias");

    private final Process process;
    private final Path home;
    final int port;

    private ApacheHttpd(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && MODULES_NEEDED.stream().allMatch(m -> Files.isRegularFile(MODULES.resolve("mod_" + m + ".so")));
    }

    /** Serves {@code documentRoot} at http://127.0.0.1:port/; a port taken meanwhile by another process is tried again. */
    static ApacheHttpd serve(Path documentRoot, Path home) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                return start(documentRoot, home, port);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static ApacheHttpd start(Path documentRoot, Path home, int port) throws IOException, InterruptedException {
        // Run as root (a CI container), httpd answers as another user: it must be able to read the folders.
        for (Path p = documentRoot; p != null && p.startsWith(home); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path conf = home.resolve("httpd.conf");
        StringBuilder c = new StringBuilder()
                .append("ServerRoot \"").append(home).append("\"\n")
                .append("ServerName 127.0.0.1\n")
                .append("Listen 127.0.0.1:").append(port).append('\n')
                .append("PidFile \"").append(home.resolve("httpd.pid")).append("\"\n")
                .append("ErrorLog \"").append(home.resolve("error.log")).append("\"\n")
                .append("LogLevel warn rewrite:trace2\n");
        for (String m : MODULES_NEEDED) {
            c.append("LoadModule ").append(m).append("_module \"").append(MODULES.resolve("mod_" + m + ".so")).append("\"\n");
        }
        c.append("DocumentRoot \"").append(documentRoot).append("\"\n")
                .append("<Directory \"").append(documentRoot).append("\">\n")
                .append("  AllowOverride All\n  Require all granted\n</Directory>\n");
        Files.writeString(conf, c, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(BINARY.toString(), "-X", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("stdout.log").toFile()).start();
        ApacheHttpd httpd = new ApacheHttpd(p, home, port);
        // Until it accepts a connection, or exits (a configuration error, the port taken): then say why.
        while (!httpd.accepts()) {
            if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IOException("apache2 exited with " + p.exitValue() + ":\n" + httpd.log());
            }
        }
        return httpd;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** What httpd wrote (startup errors, the rewrite trace): for a failing assertion's message. */
    String log() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("stdout.log", "error.log")) {
            try {
                Path f = home.resolve(name);
                if (Files.exists(f)) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
                }
            } catch (IOException e) {
                b.append("(cannot read ").append(name).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
