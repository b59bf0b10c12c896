package org.labourgraph.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labourgraph.ProjectPaths;

/** The built jar run as a server process on a store folder, for the tests that kill it with SIGKILL. */
final class ServerProcess {
    private ServerProcess() {}

    /** Starts {@code serve} with curators from {@code passwd}; its output goes to {@code logDir/server-PORT.log}. */
    static Process start(Path store, Path passwd, int port, Path logDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ProjectPaths.jar().toString(), "serve", "--root", ProjectPaths.root().toString(),
                "--store", store.toString(), "--passwd", passwd.toString(), "--port", Integer.toString(port)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logDir.resolve("server-" + port + ".log").toFile()).start();
    }

    /** Waits (up to a minute) until the server answers its ping. */
    static void awaitReady(HttpClient http, int port, Path logDir) throws Exception {
        URI ping = URI.create("http://127.0.0.1:" + port + "/$/ping");
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start on port " + port + "; see " + logDir.resolve("server-" + port + ".log"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
