package org.labourgraph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Minimum, median and maximum of repeated measurements (the median of an even count is the mean of the middle two). */
public record Stats(double min, double median, double max, int count) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
    }

    /** Ratio of two medians, or NaN when the denominator is zero. */
    public static double ratio(Stats numerator, Stats denominator) {
        return denominator.median() == 0 ? Double.NaN : numerator.median() / denominator.median();
    }
}
