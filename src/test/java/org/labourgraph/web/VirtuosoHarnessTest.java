package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Virtuoso test harness: a port another process holds costs one attempt, not the test run. */
@Tag("slow")
class VirtuosoHarnessTest {
    @TempDir
    Path work;

    @Test
    void aTakenHttpPortIsRetriedOnOtherPorts() throws Exception {
        Virtuoso.assumeInstalled();
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Virtuoso.PortPicker firstTaken = () -> {
                int[] ports = Virtuoso.freePorts(2);
                if (attempts.incrementAndGet() == 1) {
                    ports[1] = taken.getLocalPort();
                }
                return ports;
            };
            try (Virtuoso virtuoso = Virtuoso.start(work, firstTaken)) {
                assertEquals(2, attempts.get());
                assertTrue(Files.readString(work.resolve("attempt-1/stdout.log")).contains("Failed HTTP listen"));
                HttpRequest ask = HttpRequest.newBuilder(URI.create(virtuoso.endpoint() + "?query=ASK%7B%7D"))
                        .header("Accept", "application/sparql-results+json").build();
                HttpResponse<String> r = HttpClient.newHttpClient().send(ask, HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
        }
    }
}
