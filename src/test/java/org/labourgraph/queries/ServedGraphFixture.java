package org.labourgraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.graph.Graph;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;

/**
 * The dataset the SPARQL endpoint serves, built in memory for tests: each source file of
 * {@code ontology/} (except the SHACL shapes) and {@code data/} in its own named graph
 * {@code https://w3id.org/labourgraph/graph/<stem>}, and a default graph holding the union of all
 * of them plus the store's entailment graph.
 *
 */
final class ServedGraphFixture {
    private ServedGraphFixture() {}

    /** Files of {@code ontology/} that are not served (used for validation only). */
    static final List<String> NOT_SERVED = List.of("shapes.ttl");

    /** Reads {@code ontology/*.ttl} and {@code data/*.ttl} under {@code root}: graph IRI → its content. */
    static Map<String, Model> readSourceGraphs(Path root) {
        Map<String, Model> graphs = new LinkedHashMap<>();
        for (Path file : sourceFiles(root)) {
            String name = file.getFileName().toString();
            String graph = LG.GRAPH_NS + name.substring(0, name.length() - ".ttl".length());
            if (graphs.containsKey(graph)) {
                throw new IllegalStateException("two source files have the stem of " + file + " (graph " + graph + ")");
            }
            Model model = ModelFactory.createDefaultModel();
            RDFParser.source(file).lang(Lang.TURTLE).parse(model);
            graphs.put(graph, model);
        }
        return graphs;
    }

    /**
     * The served dataset, built by the store's own code: the named graphs as given plus the entailment graph,
     * the default graph their union (TDB2 in memory, text-indexed), exactly as the endpoint answers.
     */
    static Dataset served(Map<String, Model> graphs) {
        Map<String, Graph> sources = new LinkedHashMap<>();
        graphs.forEach((graph, model) -> sources.put(graph, model.getGraph()));
        LabourStore store = LabourStore.inMemory();
        store.importGraphs(sources, true);
        return DatasetFactory.wrap(store.dataset());
    }

    /** A deep copy of source graphs, to seed defects into without touching the originals. */
    static Map<String, Model> copy(Map<String, Model> graphs) {
        Map<String, Model> copy = new LinkedHashMap<>();
        graphs.forEach((graph, model) -> copy.put(graph, ModelFactory.createDefaultModel().add(model)));
        return copy;
    }

    private static List<Path> sourceFiles(Path root) {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ontology", "data")) {
            Path folder = root.resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(p -> p.getFileName().toString().endsWith(".ttl"))
                        .filter(p -> !(dir.equals("ontology") && NOT_SERVED.contains(p.getFileName().toString())))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no ontology/*.ttl or data/*.ttl under " + root.toAbsolutePath());
        }
        return files;
    }
}
