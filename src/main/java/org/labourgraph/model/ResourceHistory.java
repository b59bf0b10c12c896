package org.labourgraph.model;

import java.util.List;

/** The History tab of a resource: its IRI, title, document path and revisions, newest first. */
public record ResourceHistory(String iri, String title, String docPath, List<RevisionEntry> revisions) {
    public ResourceHistory {
        revisions = List.copyOf(revisions);
    }
}
