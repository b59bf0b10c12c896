package org.labourgraph.sparql;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;

/**
 * How queries travel to a store: as {@code application/sparql-query} POST bodies when it answers one (the text goes
 * as it is: no URL-encoding here, no decoding there), else GET (a form POST past Jena's URL limit), as Virtuoso 7
 * needs. A store that answers neither when asked (not up yet: a front-end started beside its store) leaves the choice
 * open, and it is asked again before a later query, at most once per {@code retry}, until it answers.
 */
public final class SendModeChoice {
    /** What the store said when asked. */
    public enum Outcome { POST_BODIES, GET_ONLY, NO_ANSWER }

    private final String endpoint;
    private final HttpClient http;
    private final Duration probeTimeout;
    private final long retryNanos;
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile QuerySendMode mode = QuerySendMode.asGetWithLimitForm;
    private volatile boolean settled;

    SendModeChoice(String endpoint, HttpClient http, Duration probeTimeout, Duration retry) {
        this.endpoint = endpoint;
        this.http = http;
        this.probeTimeout = probeTimeout;
        this.retryNanos = retry.toNanos();
    }

    /** Asks the store now: ASK {} as a POST body, then by GET; never throws. */
    Outcome probe() {
        if (answers(QuerySendMode.asPost)) {
            mode = QuerySendMode.asPost;
            settled = true;
            return Outcome.POST_BODIES;
        }
        if (answers(QuerySendMode.asGetWithLimitForm)) {
            mode = QuerySendMode.asGetWithLimitForm;
            settled = true;
            return Outcome.GET_ONLY;
        }
        nextProbe.set(System.nanoTime() + retryNanos); // counted from the end of this probe, which may have waited
        return Outcome.NO_ANSWER;
    }

    /** The mode for the next query; while the store has never answered, one caller per {@code retry} asks it first. */
    QuerySendMode mode() {
        if (!settled) {
            long due = nextProbe.get();
            if (System.nanoTime() - due >= 0 && nextProbe.compareAndSet(due, System.nanoTime() + retryNanos)) {
                probe();
            }
        }
        return mode;
    }

    private boolean answers(QuerySendMode how) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(endpoint).httpClient(http).query(QueryLibrary.ALIVE).sendMode(how)
                .timeout(probeTimeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            exec.ask();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
