package org.labourgraph.store;

import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * A Bloom filter over the triples of a store during one import: when it says a triple is surely absent, it is in no
 * graph of the store, and the import writes it without first looking it up. A bulk load into a new store looked up
 * every triple it wrote, and every consequence it derived, before writing it: a third of its time went to lookups
 * that found nothing. A "maybe" costs the lookup as before, so a false positive costs time, never a wrong answer.
 *
 * <p>Sound only while every write of the import goes through {@link #noteStored}: it is seeded with what the store
 * holds when the import starts, and deletions leave their triples marked (a "maybe"). Over a store too large to read
 * at the start, compared with the files to import, the import looks everything up as before ({@link #none()}).
 */
final class AbsenceFilter {
    /** A store this small is read whole at the start of any import (ontology/ and data/ are a few thousand quads). */
    static final long ALWAYS_READ = 100_000;
    private static final int HASHES = 5;
    private static final int MIN_BITS_LOG2 = 16;
    /** 2^28 bits: 32 MiB, about 30 bits per triple at 5·10^6 triples and what they entail. */
    private static final int MAX_BITS_LOG2 = 28;
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private static final String LANG_STRING = RDF.dtLangString.getURI();

    private final long[] bits;
    private final long mask;

    private AbsenceFilter(int bitsLog2) {
        this.bits = bitsLog2 == 0 ? null : new long[1 << (bitsLog2 - 6)];
        this.mask = bitsLog2 == 0 ? 0 : (1L << bitsLog2) - 1;
    }

    /** A filter that knows nothing: every triple is looked up. */
    static AbsenceFilter none() {
        return new AbsenceFilter(0);
    }

    /** Whether it ever says a triple is absent ({@link #none()} does not). */
    boolean knowsSomething() {
        return bits != null;
    }

    /**
     * A filter sized for {@code expectedTriples} new triples (and as many entailed), seeded with every quad of
     * {@code dataset}; {@link #none()} when the store holds more than {@link #ALWAYS_READ} quads and more than the
     * import is expected to bring: reading it all would cost more than the lookups it saves. In the import's transaction.
     */
    static AbsenceFilter over(DatasetGraph dataset, long expectedTriples) {
        return over(dataset, expectedTriples, Math.max(ALWAYS_READ, expectedTriples));
    }

    /** The same, reading at most {@code readAtMost} quads of the store before giving up. */
    static AbsenceFilter over(DatasetGraph dataset, long expectedTriples, long readAtMost) {
        AbsenceFilter filter = new AbsenceFilter(bitsLog2(2 * expectedTriples + ALWAYS_READ));
        Iterator<Quad> quads = dataset.find();
        try {
            long read = 0;
            while (quads.hasNext()) {
                if (++read > readAtMost) {
                    return none();
                }
                Quad q = quads.next();
                filter.noteStored(q.getSubject(), q.getPredicate(), q.getObject());
            }
        } finally {
            Iter.close(quads);
        }
        return filter;
    }

    /** About 20 bits per triple, within bounds. */
    private static int bitsLog2(long triples) {
        long wanted = Math.max(1, triples) * 20;
        int log2 = 64 - Long.numberOfLeadingZeros(wanted - 1);
        return Math.max(MIN_BITS_LOG2, Math.min(MAX_BITS_LOG2, log2));
    }

    /**
     * True only if no graph of the store holds the triple. A literal of a type TDB2 may store by value (numbers, dates,
     * booleans: "01" and "1" are one stored integer) is never said absent, since an equal value may be there under
     * another spelling.
     */
    boolean surelyAbsent(Node s, Node p, Node o) {
        if (bits == null || (o.isLiteral() && !isPlainString(o))) {
            return false;
        }
        long h = hash(s, p, o);
        for (int i = 0; i < HASHES; i++) {
            long bit = probe(h, i);
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Records that the store now holds the triple (or may hold it). */
    void noteStored(Node s, Node p, Node o) {
        if (bits == null) {
            return;
        }
        long h = hash(s, p, o);
        for (int i = 0; i < HASHES; i++) {
            long bit = probe(h, i);
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /** The i-th bit a triple of hash {@code h} sets (double hashing: the high half, made odd, is the step). */
    private long probe(long h, int i) {
        return (h + i * ((h >>> 32) | 1)) & mask;
    }

    private static boolean isPlainString(Node literal) {
        String type = literal.getLiteralDatatypeURI();
        return type == null || type.equals(XSD_STRING) || type.equals(LANG_STRING);
    }

    /** 64 bits from the three nodes' hash codes (equal nodes, equal codes), spread by SplitMix64's finaliser. */
    private static long hash(Node s, Node p, Node o) {
        long h = mix(s.hashCode());
        h = mix(h * 0x9E3779B97F4A7C15L + p.hashCode());
        return mix(h * 0x9E3779B97F4A7C15L + o.hashCode());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
