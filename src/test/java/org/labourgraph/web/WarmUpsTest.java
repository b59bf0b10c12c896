package org.labourgraph.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.labourgraph.web.site.WarmUps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health's warmUpsPending: a warm-up counts from the moment it is asked for until it has run or failed. */
class WarmUpsTest {
    @Test
    void a_warm_up_is_pending_until_it_has_run_or_failed() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch markerRan = new CountDownLatch(1);
        WarmUps.submit("held warm-up", () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        WarmUps.submit("failing warm-up", () -> {
            throw new IllegalStateException("this warm-up fails on purpose");
        });
        WarmUps.submit("marker", markerRan::countDown);

        assertTrue(WarmUps.pending() >= 3, "held, failing and marker are all pending: " + WarmUps.pending());
        release.countDown();
        assertTrue(markerRan.await(30, TimeUnit.SECONDS), "the warm-ups run one after the other");
        // One thread runs them in order: by the time the marker ran, the held and the failed one were given back.
        assertTrue(WarmUps.pending() <= 1, "only the marker may still be counted: " + WarmUps.pending());
    }

    @Test
    void the_health_body_says_how_many_warm_ups_are_left() throws InterruptedException {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        WarmUps.submit("first held warm-up", () -> hold(firstRunning, releaseFirst));
        WarmUps.submit("second held warm-up", () -> hold(secondRunning, releaseSecond));
        try {
            // Every warm-up asked for before these has finished once the first one runs (one thread, in order).
            assertTrue(firstRunning.await(2, TimeUnit.MINUTES), "the first held warm-up runs");
            assertEquals(2, warmUpsPendingInHealth(), "the running one and the one queued behind it");
            releaseFirst.countDown();
            assertTrue(secondRunning.await(30, TimeUnit.SECONDS), "the second runs once the first is done");
            assertEquals(1, warmUpsPendingInHealth(), "the first was given back when it ended");
        } finally {
            releaseFirst.countDown();
            releaseSecond.countDown();
        }
    }

    private static long warmUpsPendingInHealth() {
        JsonObject body = JSON.parse(LabourgraphServer.healthBody(12, java.time.Instant.EPOCH).toString());
        assertEquals(12, body.get("quads").getAsNumber().value().longValue(), body.toString());
        return body.get("warmUpsPending").getAsNumber().value().longValue();
    }

    private static void hold(CountDownLatch running, CountDownLatch release) {
        running.countDown();
        try {
            release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
