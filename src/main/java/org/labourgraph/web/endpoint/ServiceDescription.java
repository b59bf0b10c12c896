package org.labourgraph.web.endpoint;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of /sparql (W3C Recommendation 2013), answered to a GET without a
 * query: what the endpoint speaks, the formats it returns, its union default graph and its named graphs.
 */
final class ServiceDescription {
    private ServiceDescription() {}

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML");

    static Graph of(String endpointUrl, List<Node> namedGraphs) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS);
        Node service = NodeFactory.createBlankNode();
        add(g, service, RDF.type.asNode(), sd("Service"));
        add(g, service, sd("endpoint"), NodeFactory.createURI(endpointUrl));
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(g, service, sd("feature"), sd("UnionDefaultGraph"));
        RESULT_FORMATS.forEach(f -> add(g, service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f)));
        Node dataset = NodeFactory.createBlankNode();
        add(g, service, sd("defaultDataset"), dataset);
        add(g, dataset, RDF.type.asNode(), sd("Dataset"));
        Node defaultGraph = NodeFactory.createBlankNode();
        add(g, dataset, sd("defaultGraph"), defaultGraph);
        add(g, defaultGraph, RDF.type.asNode(), sd("Graph"));
        for (Node name : namedGraphs) {
            Node named = NodeFactory.createBlankNode();
            add(g, dataset, sd("namedGraph"), named);
            add(g, named, RDF.type.asNode(), sd("NamedGraph"));
            add(g, named, sd("name"), name);
        }
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }
}
