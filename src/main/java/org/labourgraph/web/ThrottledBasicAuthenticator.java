package org.labourgraph.web;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication that slows password guessing: after a number of failed logins for one account
 * from one client address within a window, further attempts for it from there get 429 with Retry-After until
 * the window passes, without checking the password. Keyed by address and account, so a guesser cannot lock
 * out other curators. Unknown user and wrong password fail alike (a plain 401 challenge).
 *
 * <p>A failure is counted in {@link #login}, before the 401 is written: counted after it, the client could send its
 * next guess and have it checked before the count had moved, so that the attempt past the limit got a 401, not a 429.
 */
final class ThrottledBasicAuthenticator extends BasicAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledBasicAuthenticator.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failuresByClient = new ConcurrentHashMap<>();

    ThrottledBasicAuthenticator(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public AuthenticationState validateRequest(Request req, Response res, Callback callback) throws ServerAuthException {
        String authorization = req.getHeaders().get(HttpHeader.AUTHORIZATION);
        boolean attempt = authorization != null;
        String client = Request.getRemoteAddr(req) + " " + accountOf(authorization);
        long now = clock.millis();
        if (attempt) {
            Failures f = failuresByClient.get(client);
            if (f != null && f.blockedUntil(now, maxFailures, window) > now) {
                long seconds = Math.max(1, (f.blockedUntil(now, maxFailures, window) - now + 999) / 1000);
                res.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
                Response.writeError(req, res, callback, 429, "Too many failed logins from this address; try again in "
                        + seconds + " s.");
                return AuthenticationState.SEND_FAILURE;
            }
        }
        AuthenticationState state = super.validateRequest(req, res, callback);
        if (attempt && state instanceof AuthenticationState.Succeeded) {
            failuresByClient.remove(client);
        }
        return state;
    }

    /** Checks the password as Jetty does; a failure is counted here, before the challenge goes back. */
    @Override
    public UserIdentity login(String username, Object password, Request request, Response response) {
        UserIdentity user = super.login(username, password, request, response);
        if (user == null) {
            String client = Request.getRemoteAddr(request) + " " + username;
            Failures f = failuresByClient.computeIfAbsent(client, k -> new Failures());
            if (f.record(clock.millis(), window) == maxFailures) {
                LOG.warn("{} failed logins from {} within {} s: throttling it", maxFailures, client, window.toSeconds());
            }
        }
        return user;
    }

    /** The user name a Basic Authorization header claims (unverified: only a key for counting failures). */
    static String accountOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "";
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Failed logins of one client within the current window. */
    private static final class Failures {
        private long windowStart;
        private int count;

        synchronized int record(long now, Duration window) {
            if (now - windowStart > window.toMillis()) {
                windowStart = now;
                count = 0;
            }
            return ++count;
        }

        synchronized long blockedUntil(long now, int max, Duration window) {
            return count >= max ? windowStart + window.toMillis() : 0;
        }
    }
}
