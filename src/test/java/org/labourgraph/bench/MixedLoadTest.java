package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load tool's own guarantees: loopback only, bounded, exact percentiles. (The load itself is a benchmark, not a test.) */
class MixedLoadTest {
    @Test
    void load_is_never_sent_to_another_host() {
        assertThrows(IllegalArgumentException.class, () -> new MixedLoad(URI.create("http://192.168.1.10:8080/"), 4,
                Duration.ofSeconds(1), MixedLoad.defaultMix(), null));
        assertThrows(IllegalArgumentException.class, () -> new MixedLoad(URI.create("http://example.org/"), 4,
                Duration.ofSeconds(1), MixedLoad.defaultMix(), null));
        new MixedLoad(URI.create("http://127.0.0.1:8080/"), 4, Duration.ofSeconds(1), List.of(), null);
        new MixedLoad(URI.create("http://localhost:8080"), 4, Duration.ofSeconds(1), List.of(), null);
    }

    @Test
    void load_is_bounded_in_connections_and_time() {
        URI local = URI.create("http://127.0.0.1:8080/");
        assertThrows(IllegalArgumentException.class, () -> new MixedLoad(local, 0, Duration.ofSeconds(1), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new MixedLoad(local, 10_000, Duration.ofSeconds(1), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new MixedLoad(local, 4, Duration.ofHours(1), List.of(), null));
    }

    @Test
    void percentiles_are_by_nearest_rank() {
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            r.record(ms * 1000L);
        }
        assertEquals(50.0, r.percentileMillis(50));
        assertEquals(99.0, r.percentileMillis(99));
        assertEquals(100.0, r.percentileMillis(100));
        assertEquals(0.0, new LatencyRecorder().percentileMillis(99));
    }
}
