package org.labourgraph.web.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.fuseki.mod.prometheus.FMod_Prometheus;
import org.apache.jena.rdf.model.Model;
import org.labourgraph.store.LabourStore;

/**
 * Operators' metrics at {@code /$/metrics}, in the Prometheus text format, by Fuseki main's own Prometheus module
 * ({@code FMod_Prometheus}: Micrometer's registry, JVM and process meters, each endpoint's counters, the servlet) plus
 * this module: {@link MetricsFilter} on every request, and gauges of the store (quads, bytes on disk, last revision).
 * Mounted only with {@code --passwd}, behind a login with role {@code admin} or {@code metrics}
 * ({@link RouteTable#METRICS}).
 */
public final class MetricsModule implements FusekiModule {
    static final String PATH = "/$/metrics";
    private final LabourStore store;

    private MetricsModule(LabourStore store) {
        this.store = store;
    }

    /** Fuseki's Prometheus module, then this one: the registry, then what labourgraph adds to it. */
    public static List<FusekiModule> forStore(LabourStore store) {
        return List.of(FMod_Prometheus.create(), new MetricsModule(store));
    }

    @Override
    public String name() {
        return "labourgraph-metrics";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", new MetricsFilter());
    }

    @Override
    public void server(FusekiServer server) {
        MeterRegistry registry = MetricsProvider.getMetricsProvider(server.getServletContext()).getMeterRegistry();
        Gauge.builder("labourgraph.store.quads", store, LabourStore::quadCount)
                .description("Quads in the store, all named graphs, entailments included").register(registry);
        Gauge.builder("labourgraph.store.revision", store, s -> s.history().head())
                .description("Number of the last committed revision (the change log's head)").register(registry);
        store.directory().ifPresent(dir -> Gauge.builder("labourgraph.store.size", dir, MetricsModule::bytesUnder)
                .description("Bytes on disk of the store folder (TDB2, text index, history)").baseUnit("bytes").register(registry));
    }

    static double bytesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file removed while walking (TDB2 compaction): not there any more
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }
}
