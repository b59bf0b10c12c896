package org.labourgraph;

import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/** The project's ontology/ and data/ loaded into a fresh in-memory store: the one way the tests build it. */
public final class ShippedStore {
    private ShippedStore() {}

    /** A new in-memory store holding the shipped files (each call its own store, for the caller to close). */
    public static LabourStore load() {
        LabourStore store = LabourStore.inMemory();
        try {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("The shipped ontology/data do not load: " + e.getMessage(), e);
        }
        return store;
    }
}
