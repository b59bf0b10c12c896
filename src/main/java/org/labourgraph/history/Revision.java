package org.labourgraph.history;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * One committed change: its number (1, 2, 3 … in commit order), when, who, why, and what it did to the asserted
 * graphs — the quads it added that were not there and the quads it deleted that were. Derived graphs (entailments)
 * are not part of it: they follow from the asserted ones.
 */
public record Revision(long number, Instant time, String author, String message, List<Quad> added, List<Quad> deleted) {
    public Revision {
        // A large revision's quads stay in its patch file until asked for (StoredQuads, immutable as the file).
        added = added instanceof StoredQuads ? added : List.copyOf(added);
        deleted = deleted instanceof StoredQuads ? deleted : List.copyOf(deleted);
    }

    /**
     * This revision with its quads in memory: a large revision's are read from its patch file now — so a missing or
     * unreadable entry fails here, before anything is written about it — and held for as long as the copy is.
     *
     * @throws java.io.UncheckedIOException when the entry cannot be read; {@link HistoryException} when it does not parse
     */
    public Revision loaded() {
        if (!(added instanceof StoredQuads) && !(deleted instanceof StoredQuads)) {
            return this;
        }
        return new Revision(number, time, author, message, List.copyOf(added), List.copyOf(deleted));
    }

    /** The resources the change is about: the IRIs whose statements (as subject) it added or deleted, in order met. */
    public Set<String> resources() {
        Set<String> out = new LinkedHashSet<>();
        for (List<Quad> quads : List.of(added, deleted)) {
            for (Quad q : quads) {
                if (q.getSubject().isURI()) {
                    out.add(q.getSubject().getURI());
                }
            }
        }
        return out;
    }

    /** Whether the change added or deleted a statement about {@code iri}. */
    public boolean touches(String iri) {
        return added.stream().anyMatch(q -> isAbout(q, iri)) || deleted.stream().anyMatch(q -> isAbout(q, iri));
    }

    /** The added statements about {@code iri}. */
    public List<Quad> addedAbout(String iri) {
        return added instanceof StoredQuads stored ? stored.about(iri) : added.stream().filter(q -> isAbout(q, iri)).toList();
    }

    /** The deleted statements about {@code iri}. */
    public List<Quad> deletedAbout(String iri) {
        return deleted instanceof StoredQuads stored ? stored.about(iri) : deleted.stream().filter(q -> isAbout(q, iri)).toList();
    }

    private static boolean isAbout(Quad q, String iri) {
        Node s = q.getSubject();
        return s.isURI() && s.getURI().equals(iri);
    }
}
