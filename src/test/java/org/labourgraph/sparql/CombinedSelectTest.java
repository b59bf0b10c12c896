package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;

/** A page's three describe queries sent as one answer exactly what the three answer apart, embedded and over HTTP. */
class CombinedSelectTest {
    private static final Node GHOST_WORK = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/ghost-work");
    private static final Node BROADER = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader");
    private static DatasetGraph shipped;

    @BeforeAll
    static void loadShippedData() throws IOException {
        shipped = DatasetGraphFactory.createTxnMem();
        List<Path> files;
        try (Stream<Path> data = Files.list(ProjectPaths.root().resolve("data"))) {
            files = new ArrayList<>(data.filter(p -> p.toString().endsWith(".ttl")).sorted().toList());
        }
        files.add(ProjectPaths.root().resolve("ontology/labourgraph.ttl"));
        Txn.executeWrite(shipped, () -> files.forEach(f -> RDFDataMgr.read(
                shipped.getGraph(NodeFactory.createURI("https://w3id.org/labourgraph/graph/" + f.getFileName())), f.toString())));
    }

    @Test
    void the_combined_first_page_query_splits_into_what_each_query_answers_alone() {
        QueryRunner runner = new QueryRunner(shipped, Duration.ofSeconds(10));
        Map<String, Node> values = Map.of("this", GHOST_WORK);
        List<Node> graphs = runner.statedGraphs();
        List<List<Binding>> parts = CombinedSelect.of(Describer.OUT, Describer.IN_COUNTS, Describer.IN).filled(Describer.GRAPH, graphs)
                .select(runner, values);

        assertEquals(rows(runner.select(stated(Describer.OUT, graphs), values)), rows(parts.get(0)));
        assertEquals(rows(runner.select(stated(Describer.IN_COUNTS, graphs), values)), rows(parts.get(1)));
        assertEquals(rows(runner.select(stated(Describer.IN, graphs), values)), rows(parts.get(2)));
        assertFalse(parts.get(0).isEmpty(), "ghost work states facts");
        assertFalse(parts.get(2).isEmpty(), "ghost work is linked from other resources");
        assertEquals(4, runner.count(), "one query for the three, then the three apart");
    }

    @Test
    void values_are_bound_inside_every_branch_of_the_property_page_query() {
        QueryRunner runner = new QueryRunner(shipped, Duration.ofSeconds(10));
        Map<String, Node> values = Map.of("this", NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/digital-labour"),
                "inProperty", BROADER, "after", NodeFactory.createLiteralString(""));
        List<Node> graphs = runner.statedGraphs();
        List<List<Binding>> parts = CombinedSelect.of(Describer.OUT, Describer.IN_COUNTS, Describer.IN_PAGE)
                .filled(Describer.GRAPH, graphs).select(runner, values);

        assertEquals(rows(runner.select(stated(Describer.IN_PAGE, graphs), values)), rows(parts.get(2)));
        assertFalse(parts.get(2).isEmpty(), "narrower concepts point to digital labour with skos:broader");
    }

    @Test
    void the_combined_query_travels_as_text_and_answers_the_same_over_http() {
        String sent = CombinedSelect.of(Describer.OUT, Describer.IN_COUNTS, Describer.IN).query().toString();
        assertEquals(sent, QueryFactory.create(sent).toString(), "what is sent parses back to the same query");
        FusekiServer fuseki = FusekiServer.create().loopback(true).port(0).add("/ds", shipped).build().start();
        try {
            RemoteSparqlService store = new RemoteSparqlService(new RemoteEndpoint(
                    URI.create("http://127.0.0.1:" + fuseki.getHttpPort() + "/ds/sparql"), Optional.empty(), Optional.empty(),
                    Optional.empty(), DataGraphs.parse("store-default")), Duration.ofSeconds(10));
            QueryRunner remote = QueryRunner.remote(store);
            QueryRunner embedded = new QueryRunner(shipped, Duration.ofSeconds(10));
            Map<String, Node> values = Map.of("this", GHOST_WORK);
            CombinedSelect combined = CombinedSelect.of(Describer.OUT, Describer.IN_COUNTS, Describer.IN)
                    .filled(Describer.GRAPH, embedded.statedGraphs());
            assertEquals(embedded.statedGraphs(), remote.statedGraphs(), "the same graphs are named either way");
            List<List<Binding>> overHttp = combined.select(remote, values);
            List<List<Binding>> inProcess = combined.select(embedded, values);
            for (int i = 0; i < 3; i++) {
                assertEquals(rows(inProcess.get(i)), rows(overHttp.get(i)), "part " + i);
            }
            assertEquals(1, remote.count());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void a_query_that_is_not_a_select_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CombinedSelect.of(Describer.OUT, QueryFactory.create("ASK {}")));
        assertTrue(e.getMessage().contains("Query 2"), e.getMessage());
    }

    private static org.apache.jena.query.Query stated(org.apache.jena.query.Query query, List<Node> graphs) {
        return QueryLibrary.withValues(query, Describer.GRAPH, graphs);
    }

    /** Rows as sorted text, without the branch tag: the same rows in any order compare equal. */
    private static List<String> rows(List<Binding> bindings) {
        return bindings.stream().map(b -> {
            List<String> terms = new ArrayList<>();
            b.vars().forEachRemaining(v -> {
                if (!v.equals(CombinedSelect.PART)) {
                    terms.add(v.getVarName() + "=" + FmtUtils.stringForNode(b.get(v)));
                }
            });
            return String.join(" ", terms.stream().sorted().toList());
        }).sorted(Comparator.naturalOrder()).toList();
    }
}
