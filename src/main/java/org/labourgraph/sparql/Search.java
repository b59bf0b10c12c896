package org.labourgraph.sparql;

import java.util.List;
import java.util.Optional;
import org.labourgraph.model.SearchHit;

/**
 * Search over labels, alternative labels and definitions, accent- and case-insensitive, best hit first.
 * Two implementations: {@link SearchService} over the embedded store's text index, and
 * {@link RemoteSparqlSearch}, a portable SPARQL query for an external endpoint without one.
 * Invalid input throws {@link IllegalArgumentException} with a message for the user; a search that
 * cannot run now (timeout, service down) throws {@link SearchUnavailableException}.
 */
public interface Search {
    List<SearchHit> search(SearchRequest request);

    /**
     * As above, labels shown in {@code display} (a page's language) whatever language matched, where the
     * implementation can; otherwise as {@link #search(SearchRequest)}.
     */
    default List<SearchHit> search(SearchRequest request, Optional<String> display) {
        return search(request);
    }

    /**
     * As {@link #search(SearchRequest)}, with hits on deprecated resources too, flagged {@code retired}, where the
     * implementation can tell them (reconciliation answers a retired name with its successor); otherwise live hits only.
     */
    default List<SearchHit> searchWithRetired(SearchRequest request) {
        return search(request);
    }
}
