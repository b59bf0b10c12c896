package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** wrk's report, as wrk 4 prints it with --latency, read into the bench's figures. */
class WrkLoadTest {
    private static final String OK = """
            Running 1s test @ http://127.0.0.1:18181/static/site.css
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   287.79us  627.23us   8.16ms   94.54%
                Req/Sec    12.31k     2.20k   19.91k    85.71%
              Latency Distribution
                 50%  129.00us
                 75%  225.00us
                 90%  394.00us
                 99%    3.62ms
              25724 requests in 1.10s, 147.66MB read
            Requests/sec:  23384.50
            Transfer/sec:    134.23MB
            """;

    @Test
    void reads_requests_rate_and_percentiles_in_milliseconds() {
        ClosedLoop.Outcome o = WrkLoad.parse(OK, "http://127.0.0.1:18181/static/site.css");
        assertEquals(25724, o.ok());
        assertEquals(0, o.failed());
        assertEquals(1.10, o.seconds(), 1e-9);
        assertEquals(25724 / 1.10, o.requestsPerSecond(), 1e-6);
        assertEquals(0.129, o.p50Millis(), 1e-9);
        assertEquals(3.62, o.p99Millis(), 1e-9);
        assertEquals(null, o.firstFailure());
    }

    @Test
    void answers_other_than_2xx_and_socket_errors_are_failures_not_throughput() {
        String failing = OK.replace("  25724 requests in 1.10s, 147.66MB read\n",
                "  25724 requests in 1.10s, 147.66MB read\n  Socket errors: connect 0, read 3, write 0, timeout 2\n"
                        + "  Non-2xx or 3xx responses: 724\n");
        ClosedLoop.Outcome o = WrkLoad.parse(failing, "http://127.0.0.1:18181/x");
        assertEquals(729, o.failed());
        assertEquals(25724 - 729, o.ok());
        assertEquals((25724 - 729) / 1.10, o.requestsPerSecond(), 1e-6);
        assertTrue(o.firstFailure().startsWith("724 answers not 2xx/3xx"), o.firstFailure());
    }
}
