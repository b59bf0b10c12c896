package org.labourgraph.bench;

import java.util.Arrays;

/** Latencies of one kind of request, in microseconds, kept whole so percentiles are exact. */
public final class LatencyRecorder {
    private long[] micros = new long[1024];
    private int count;

    synchronized void record(long latencyMicros) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = latencyMicros;
    }

    public synchronized int count() {
        return count;
    }

    /** The p-th percentile (0 < p ≤ 100) in milliseconds, by the nearest-rank method; 0 when empty. */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
    }
}
