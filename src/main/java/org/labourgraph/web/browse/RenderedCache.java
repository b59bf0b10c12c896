package org.labourgraph.web.browse;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered representations of public pages, least recently used dropped first, bounded both in count and in
 * bytes. Each entry says when it was rendered and for which resource: {@link RenderedCacheFilter} serves it only
 * while no committed change since could have altered it (see {@code ChangeMarker#unchangedSince}).
 */
final class RenderedCache {
    /** Defaults: enough for every page kind of a large thesaurus in both languages, well inside -Xmx1g. */
    static final int DEFAULT_MAX_ENTRIES = 4096;
    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Rough cost of an entry beyond its body (key, headers, map node), so many tiny entries are bounded too. */
    private static final int ENTRY_OVERHEAD = 512;

    /**
     * A response as sent: status, the headers that describe the body, the body, its ETag (may be null), and whether
     * it set the language cookie (from the request's {@code ?lang=}, part of the key; replayed from the request).
     */
    record Entry(int status, List<Map.Entry<String, String>> headers, byte[] body, String etag, boolean remembersLanguage,
                 Validity validity) {
        long weight() {
            long w = body.length + ENTRY_OVERHEAD;
            for (Map.Entry<String, String> h : headers) {
                w += h.getKey().length() + h.getValue().length();
            }
            return w;
        }
    }

    /**
     * When an entry was rendered (the store's commit count read before rendering) and the resource whose page it is
     * (null for a page made from the whole store: home, hierarchy, A–Z, map, search).
     */
    record Validity(long commitsAtRender, String resourceIri) {}

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    RenderedCache(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("A rendered cache needs room for at least one entry");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    /** Drops the entry of {@code key} if it is still {@code stale} (a newer one may have replaced it meanwhile). */
    synchronized void remove(String key, Entry stale) {
        if (entries.remove(key, stale)) {
            bytes -= stale.weight();
        }
    }

    /** Stores an entry unless it alone would take more than an eighth of the room (a huge page is rare: render it). */
    synchronized void put(String key, Entry entry) {
        long w = entry.weight();
        if (w > maxBytes / 8) {
            return;
        }
        Entry old = entries.put(key, entry);
        bytes += w - (old == null ? 0 : old.weight());
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().weight();
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
