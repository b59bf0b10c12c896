package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.sparql.DataGraphsFound;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.vocab.LG;

/**
 * A front-end started over a store whose data sits in graphs it does not look in (or with a listed graph that holds
 * nothing) is told so at start, with the graphs the store holds and what to pass, instead of serving 404s with nothing
 * in its log. One stock Fuseki, filled step by step.
 */
@Tag("slow")
class ExternalDataGraphsFoundTest {
    private static final String FOREIGN = "https://example.org/thesaurus";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;

    @BeforeAll
    static void startAnEmptyStockFuseki() throws Exception {
        fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) {
            fuseki.close();
        }
    }

    /** A new service each time: the data graphs a service discovered are kept for a few seconds. */
    private static RemoteSparqlService over(String dataGraphs) {
        return new RemoteSparqlService(new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                Optional.of(fuseki.service("data")), Optional.empty(), DataGraphs.parse(dataGraphs)), Duration.ofSeconds(30));
    }

    private static Graph oneTriple(String label) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(NodeFactory.createURI("https://example.org/c1"), RDFS.label.asNode(), NodeFactory.createLiteralString(label));
        return g;
    }

    @Test
    void a_store_with_data_only_outside_the_namespace_is_named_then_one_under_it_is_not() {
        Optional<String> empty = DataGraphsFound.warning(over("discover"));
        assertTrue(empty.isPresent(), "an empty store");
        assertTrue(empty.get().contains("lists no other named graph"), empty.get());

        over("store-default").putGraph(FOREIGN, oneTriple("foreign"));
        over("store-default").putGraph(LG.ENTAILMENT_GRAPH, oneTriple("entailed"));
        for (String mode : new String[] {"discover", "store-default"}) {
            String warning = DataGraphsFound.warning(over(mode)).orElseThrow(() -> new AssertionError(mode + ": no warning"));
            assertTrue(warning.contains("<" + FOREIGN + ">"), "names the graph the store holds: " + warning);
            assertTrue(!warning.contains("<" + LG.ENTAILMENT_GRAPH + ">"), "not the entailment graph: " + warning);
            assertTrue(warning.contains("--data-graphs G1,G2"), "says what to pass: " + warning);
        }
        assertEquals(Optional.empty(), DataGraphsFound.warning(over(FOREIGN)), "a listed graph that holds the data");
        String misspelt = DataGraphsFound.warning(over(FOREIGN + "," + FOREIGN + "s"))
                .orElseThrow(() -> new AssertionError("a listed graph that holds nothing is not said"));
        assertTrue(misspelt.startsWith("--data-graphs names <" + FOREIGN + "s>, which holds no statement"), misspelt);
        assertTrue(misspelt.contains("It holds <" + FOREIGN + ">"), misspelt);

        over("store-default").putGraph(LG.GRAPH_NS + "concepts", oneTriple("ours"));
        assertEquals(Optional.empty(), DataGraphsFound.warning(over("discover")));
        assertEquals(Optional.empty(), DataGraphsFound.warning(over("store-default")));
    }
}
