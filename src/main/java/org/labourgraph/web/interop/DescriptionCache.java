package org.labourgraph.web.interop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.labourgraph.export.DatasetStatistics;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.ChangeMarker;

/**
 * The dataset's statistics, never computed per request. Over the embedded store: computed when the server starts and
 * again after the store changed (on the first request that sees a new change marker). Over an external SPARQL
 * service, whose changes cannot be watched: counted again on the first request after {@link #KEPT_REMOTE}.
 */
final class DescriptionCache {
    /** How long figures counted on an external store are served: its counts are DISTINCTs over every triple. */
    static final Duration KEPT_REMOTE = Duration.ofMinutes(10);

    private final DatasetGraph dataset;
    private final Supplier<QueryRunner> remote;
    private final Clock clock;
    private DatasetStatistics current;
    private Instant countedAt;

    DescriptionCache(DatasetGraph dataset) {
        this(dataset, null, Clock.systemUTC());
    }

    private DescriptionCache(DatasetGraph dataset, Supplier<QueryRunner> remote, Clock clock) {
        this.dataset = dataset;
        this.remote = remote;
        this.clock = clock;
    }

    /** Over an external SPARQL service, each count on a fresh runner. */
    static DescriptionCache remote(Supplier<QueryRunner> runners, Clock clock) {
        return new DescriptionCache(null, runners, clock);
    }

    synchronized DatasetStatistics current() {
        if (dataset == null) {
            Instant now = clock.instant();
            if (current == null || !now.isBefore(countedAt.plus(KEPT_REMOTE))) {
                current = DatasetStatistics.compute(remote.get(), now);
                countedAt = now;
            }
            return current;
        }
        String version = ChangeMarker.of(dataset).snapshot().version();
        if (current == null || !current.version().equals(version)) {
            current = DatasetStatistics.compute(dataset);
        }
        return current;
    }
}
