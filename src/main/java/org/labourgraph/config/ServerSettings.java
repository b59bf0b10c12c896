package org.labourgraph.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.labourgraph.vocab.LG;

/**
 * Everything the server is started with, validated as a whole when built: a bad value is refused with the
 * name of the setting and how to fix it.
 */
public record ServerSettings(
        String host,
        int port,
        String baseIri,
        Path projectRoot,
        Path storeDir,
        Duration queryTimeout,
        int resultRowCap,
        long maxRequestBytes,
        Optional<Path> passwordFile,
        Optional<RemoteEndpoint> remote) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ROW_CAP = 10_000;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;

    public ServerSettings {
        require(host != null && !host.isBlank(), "--host", "must name an interface, e.g. 127.0.0.1 or 0.0.0.0");
        require(port >= 0 && port <= 65535, "--port", "must be between 0 (any free port) and 65535, got " + port);
        require(baseIri != null && baseIri.endsWith("/") && isAbsoluteHttp(baseIri), "--base",
                "must be an absolute http(s) IRI ending in '/', e.g. " + LG.DEFAULT_BASE + ", got " + baseIri);
        require(projectRoot != null, "--root", "must be given");
        require(queryTimeout != null && !queryTimeout.isNegative() && !queryTimeout.isZero(), "--query-timeout",
                "must be a positive duration, e.g. 10s");
        require(resultRowCap > 0, "--max-rows", "must be a positive number of rows, got " + resultRowCap);
        require(maxRequestBytes > 0, "--max-request-size", "must be a positive number of bytes");
        passwordFile.ifPresent(p -> require(Files.isReadable(p), "--passwd",
                "file " + p + " is not readable: give a Jetty realm-properties file (user: password, role)"));
    }

    /** Settings for a local server with every default; the builder-like withers below change one thing each. */
    public static ServerSettings defaults(Path projectRoot) {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, LG.DEFAULT_BASE, projectRoot, projectRoot.resolve("store"),
                DEFAULT_QUERY_TIMEOUT, DEFAULT_ROW_CAP, DEFAULT_MAX_REQUEST_BYTES, Optional.empty(), Optional.empty());
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, baseIri, projectRoot, storeDir, queryTimeout, resultRowCap, maxRequestBytes,
                passwordFile, remote);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, baseIri, projectRoot, storeDir, queryTimeout, resultRowCap, maxRequestBytes,
                passwordFile, remote);
    }

    public ServerSettings withStoreDir(Path dir) {
        return new ServerSettings(host, port, baseIri, projectRoot, dir, queryTimeout, resultRowCap, maxRequestBytes,
                passwordFile, remote);
    }

    public ServerSettings withQueryTimeout(Duration timeout) {
        return new ServerSettings(host, port, baseIri, projectRoot, storeDir, timeout, resultRowCap, maxRequestBytes,
                passwordFile, remote);
    }

    public ServerSettings withResultRowCap(int cap) {
        return new ServerSettings(host, port, baseIri, projectRoot, storeDir, queryTimeout, cap, maxRequestBytes,
                passwordFile, remote);
    }

    public ServerSettings withMaxRequestBytes(long bytes) {
        return new ServerSettings(host, port, baseIri, projectRoot, storeDir, queryTimeout, resultRowCap, bytes,
                passwordFile, remote);
    }

    public ServerSettings withPasswordFile(Path file) {
        return new ServerSettings(host, port, baseIri, projectRoot, storeDir, queryTimeout, resultRowCap, maxRequestBytes,
                Optional.ofNullable(file), remote);
    }

    public ServerSettings withRemote(RemoteEndpoint endpoint) {
        return new ServerSettings(host, port, baseIri, projectRoot, storeDir, queryTimeout, resultRowCap, maxRequestBytes,
                passwordFile, Optional.ofNullable(endpoint));
    }

    public ServerSettings withBaseIri(String base) {
        return new ServerSettings(host, port, base, projectRoot, storeDir, queryTimeout, resultRowCap, maxRequestBytes,
                passwordFile, remote);
    }

    private static boolean isAbsoluteHttp(String iri) {
        try {
            URI u = new URI(iri);
            return u.isAbsolute() && (u.getScheme().equals("http") || u.getScheme().equals("https")) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    static void require(boolean ok, String setting, String how) {
        if (!ok) {
            throw new InvalidSettingException(setting + " " + how);
        }
    }
}
