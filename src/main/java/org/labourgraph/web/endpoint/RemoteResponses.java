package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an external service's answer back to our client: its status, the headers that describe the body, and
 * the body streamed as it comes — within a deadline, so that the operator's timeout holds for the whole
 * exchange. Also the one place that writes the plain-text errors of the proxied endpoints.
 */
final class RemoteResponses {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteResponses.class);
    /** Headers that describe the body; the rest (hop-by-hop, CORS, auth challenges) is the remote's business. */
    private static final List<String> RELAYED_HEADERS =
            List.of("Content-Type", "Content-Disposition", "Content-Language", "Vary", "ETag", "Last-Modified");
    /** Closes the remote's body stream when a deadline passes, so that a blocked read returns. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labourgraph-remote-deadline");
        t.setDaemon(true);
        return t;
    });

    private RemoteResponses() {}

    /**
     * Relays {@code from} to {@code to}. With a {@code limit}, a body still streaming when it passes is cut: a 503
     * if nothing was sent yet, else the connection is aborted (the client sees an incomplete response, never a
     * silently shortened one).
     */
    static void relay(HttpResponse<InputStream> from, HttpServletResponse to, Optional<Duration> limit, long startNanos)
            throws IOException {
        int status = from.statusCode();
        if (status == 401 || status == 407) {
            // The remote refused *our* credentials: not something our client can answer with theirs.
            from.body().close();
            error(to, 502, "The external SPARQL service refused this server's credentials (HTTP " + status
                    + "); the operator should check --remote-user and --remote-password-env.");
            return;
        }
        to.setStatus(status);
        for (String header : RELAYED_HEADERS) {
            from.headers().firstValue(header).ifPresent(v -> to.setHeader(header, v));
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try (InputStream in = from.body()) {
            if (limit.isPresent()) {
                long left = limit.get().toNanos() - (System.nanoTime() - startNanos);
                watchdog = WATCHDOG.schedule(() -> {
                    expired.set(true);
                    closeQuietly(in);
                }, Math.max(left, 0), TimeUnit.NANOSECONDS);
            }
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = readOrEnd(in, buffer, expired)) >= 0) {
                out.write(buffer, 0, n);
            }
            if (expired.get()) {
                cut(to, limit.get());
            }
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    private static int readOrEnd(InputStream in, byte[] buffer, AtomicBoolean expired) throws IOException {
        try {
            return expired.get() ? -1 : in.read(buffer);
        } catch (IOException e) {
            if (expired.get()) {
                return -1;
            }
            throw e;
        }
    }

    private static void cut(HttpServletResponse to, Duration limit) throws IOException {
        String message = "The query ran past this server's time limit of " + limit.toMillis() + " ms and was stopped.";
        if (!to.isCommitted()) {
            to.reset();
            error(to, 503, message);
            return;
        }
        LOG.warn("Response from the external SPARQL service cut at the time limit of {} ms; aborting the connection", limit.toMillis());
        throw new IOException(message);
    }

    /** A plain-text error, as Fuseki's own endpoints answer. */
    /** A request to the external service. */
    interface RemoteCall {
        HttpResponse<InputStream> send() throws IOException, InterruptedException;
    }

    /** Sends {@code call} and relays the answer; an unreachable service is a 502, a stopping server a 503. */
    static void forward(HttpServletResponse to, String service, RemoteCall call) throws IOException {
        HttpResponse<InputStream> answer;
        try {
            answer = call.send();
        } catch (IOException e) {
            error(to, 502, "The external " + service + " did not answer: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(to, 503, "The server is stopping.");
            return;
        }
        relay(answer, to, Optional.empty(), System.nanoTime());
    }

    static void error(HttpServletResponse to, int status, String message) throws IOException {
        to.setStatus(status);
        to.setContentType("text/plain;charset=utf-8");
        to.getWriter().println(message);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the remote stream at the deadline: {}", e.toString());
        }
    }
}
