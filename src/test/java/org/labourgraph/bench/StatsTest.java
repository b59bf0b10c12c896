package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void min_median_and_max_of_an_odd_count_whatever_the_order() {
        Stats s = Stats.of(List.of(30.0, 10.0, 20.0));
        assertEquals(10.0, s.min());
        assertEquals(20.0, s.median());
        assertEquals(30.0, s.max());
        assertEquals(3, s.count());
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(25.0, Stats.of(List.of(40.0, 10.0, 20.0, 30.0)).median());
    }

    @Test
    void one_value_is_its_own_min_median_and_max() {
        Stats s = Stats.of(List.of(7.5));
        assertEquals(7.5, s.min());
        assertEquals(7.5, s.median());
        assertEquals(7.5, s.max());
    }

    @Test
    void the_ratio_is_of_medians_and_undefined_over_zero() {
        assertEquals(0.5, Stats.ratio(Stats.of(List.of(1.0, 5.0, 9.0)), Stats.of(List.of(10.0, 2.0, 18.0))));
        assertTrue(Double.isNaN(Stats.ratio(Stats.of(List.of(1.0)), Stats.of(List.of(0.0)))));
    }

    @Test
    void no_values_is_an_error_not_a_zero() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
    }
}
