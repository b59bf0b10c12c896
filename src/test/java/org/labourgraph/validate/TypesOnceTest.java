package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The commit check's view of types: the same answers as RDFS inference, each resource's types worked out once. */
class TypesOnceTest {
    static final Node TYPE = RDF.type.asNode();

    static Node ex(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }

    @Test
    void a_resource_has_the_types_rdfs_gives_it_and_they_are_read_once_whatever_the_number_of_questions() {
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader("""
                @prefix ex: <http://example.org/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                ex:links rdfs:range ex:Target ; rdfs:domain ex:Source .
                ex:Target rdfs:subClassOf ex:Thing .
                ex:a ex:links ex:b .
                ex:b a ex:Stated .
                """)).lang(Lang.TURTLE).parse(data);
        Graph rdfs = RDFSFactory.graphRDFS(data, RDFSFactory.setupRDFS(data));
        AtomicInteger typeReads = new AtomicInteger();
        Graph counted = new WrappedGraph(rdfs) {
            @Override
            public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
                if (TYPE.equals(p)) {
                    typeReads.incrementAndGet();
                }
                return super.find(s, p, o);
            }
        };
        TypesOnce view = new TypesOnce(counted);

        for (String type : new String[] {"Target", "Thing", "Stated", "Source", "Unrelated"}) {
            assertEquals(rdfs.contains(ex("b"), TYPE, ex(type)), view.contains(ex("b"), TYPE, ex(type)), type);
            assertEquals(rdfs.find(ex("b"), TYPE, ex(type)).toSet(), view.find(ex("b"), TYPE, ex(type)).toSet(), type);
        }
        assertEquals(rdfs.find(ex("b"), TYPE, Node.ANY).toSet(), view.find(Triple.create(ex("b"), TYPE, Node.ANY)).toSet());
        assertTrue(view.contains(ex("b"), TYPE, ex("Thing")), "range then sub-class");
        assertEquals(1, typeReads.get(), "one read of b's types for eleven questions");
        assertEquals(rdfs.find(ex("a"), ex("links"), Node.ANY).toSet(), view.find(ex("a"), ex("links"), Node.ANY).toSet(),
                "other statements pass through");
        assertEquals(rdfs.find(Node.ANY, TYPE, ex("Source")).toSet(), view.find(Node.ANY, TYPE, ex("Source")).toSet(),
                "a question with no subject passes through");
    }
}
