package org.labourgraph.web.browse;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered cache stays within its count and its bytes, dropping the least recently used first. */
class RenderedCacheBoundsTest {
    private static RenderedCache.Entry page(int bytes) {
        return new RenderedCache.Entry(200, List.of(), new byte[bytes], "\"e\"", false, new RenderedCache.Validity(0, null));
    }

    @Test
    void past_its_count_the_least_recently_used_entry_goes() {
        RenderedCache cache = new RenderedCache(3, 1 << 20);
        cache.put("a", page(10));
        cache.put("b", page(10));
        cache.put("c", page(10));
        cache.get("a");
        cache.put("d", page(10));
        assertNull(cache.get("b"), "b was used least recently");
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertNotNull(cache.get("d"));
    }

    @Test
    void past_its_bytes_entries_go_until_it_fits() {
        RenderedCache cache = new RenderedCache(1000, 100_000);
        for (int i = 0; i < 50; i++) {
            cache.put("k" + i, page(10_000));
        }
        assertTrue(cache.bytes() <= 100_000, "bytes " + cache.bytes());
        assertTrue(cache.size() < 50);
        assertNotNull(cache.get("k49"), "the newest stays");
    }

    @Test
    void a_page_larger_than_an_eighth_of_the_room_is_not_kept() {
        RenderedCache cache = new RenderedCache(10, 80_000);
        cache.put("big", page(20_000));
        assertNull(cache.get("big"));
    }
}
