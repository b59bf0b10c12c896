package org.labourgraph.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.labourgraph.model.OntologyTerm;
import org.labourgraph.source.RdfSyntaxException;
import org.labourgraph.source.SourceParser;
import org.labourgraph.vocab.LG;

/**
 * The released versions of the ontology, frozen: {@code ontology/versions/<version>.ttl}, each the text of
 * {@code ontology/labourgraph.ttl} as it was released, whose {@code owl:versionIRI} is
 * {@code <ontology IRI>/<version>}. They are never loaded into the store (the current text is); each is read at start
 * into a small in-memory dataset of its own, so that its documentation page runs the same query as the current one's.
 */
public final class OntologyVersions {
    /** Folder of the released texts, under the project root. */
    public static final Path FOLDER = Path.of("ontology", "versions");
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*([.-][A-Za-z0-9]+)*");
    private static final Node GRAPH = NodeFactory.createURI(LG.GRAPH_NS + "labourgraph");

    private final Map<String, DatasetGraph> releases;

    private OntologyVersions(Map<String, DatasetGraph> releases) {
        this.releases = releases;
    }

    /** The released versions under {@code root}; none when the folder is absent. */
    public static OntologyVersions discover(Path root) {
        Path folder = root.resolve(FOLDER);
        Map<String, DatasetGraph> releases = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new OntologyVersions(releases);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String version = name.substring(0, name.length() - ".ttl".length());
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalStateException(file + ": a released ontology is named after its version (e.g. 0.1.0.ttl); rename it");
            }
            Graph graph;
            try {
                graph = SourceParser.parse(file);
            } catch (RdfSyntaxException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            Node versionIri = NodeFactory.createURI(versionIri(version));
            Node ontology = NodeFactory.createURI(LG.ONTOLOGY_IRI);
            if (!graph.contains(ontology, RDF.type.asNode(), OWL2.Ontology.asNode())
                    || !graph.contains(ontology, OWL2.versionIRI.asNode(), versionIri)) {
                throw new IllegalStateException(file + ": must declare <" + LG.ONTOLOGY_IRI + "> a owl:Ontology with owl:versionIRI <"
                        + versionIri.getURI() + ">, the version its file name gives; copy the released labourgraph.ttl here unchanged");
            }
            DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
            dataset.addGraph(GRAPH, graph);
            releases.put(version, dataset);
        }
        return new OntologyVersions(releases);
    }

    /** The version IRI of {@code version}: the ontology's IRI, a slash, the version. */
    public static String versionIri(String version) {
        return LG.ONTOLOGY_IRI + "/" + version;
    }

    /** The versions kept, in order of their names. */
    public List<String> versions() {
        return List.copyOf(releases.keySet());
    }

    public boolean has(String version) {
        return releases.containsKey(version);
    }

    /** A copy of a released version's graph, for its RDF documents (one query, counted by {@code runner}). */
    public Optional<Graph> graph(String version, QueryRunner runner) {
        return Optional.ofNullable(releases.get(version)).map(d -> new OntologyReader(runner.over(d)).graph());
    }

    /** A released version's terms as its documentation page shows them (the current page's one query, counted by {@code runner}). */
    public Optional<List<OntologyTerm>> terms(String version, String lang, QueryRunner runner) {
        return Optional.ofNullable(releases.get(version)).map(d -> new OntologyReader(runner.over(d)).terms(lang));
    }
}
