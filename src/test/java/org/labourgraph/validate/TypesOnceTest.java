package org.labourgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.rdfs.RDFSFactory;
import org.apache.jena.rdfs.SetupRDFS;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceSet;

/** The commit check's view of types: the same answers as Jena's RDFS inference, each resource's types worked out once. */
class TypesOnceTest {
    static {
        org.apache.jena.sys.JenaSystem.init();  // before the first vocabulary constant, when this class runs alone
    }

    static final Node TYPE = RDF.type.asNode();

    static Node ex(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }

    /** Counts the questions about types that reach Jena's RDFS view. */
    static final class CountedTypeReads extends WrappedGraph {
        final AtomicInteger reads = new AtomicInteger();

        CountedTypeReads(Graph base) {
            super(base);
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            if (TYPE.equals(p)) {
                reads.incrementAndGet();
            }
            return super.find(s, p, o);
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            if (TYPE.equals(p)) {
                reads.incrementAndGet();
            }
            return super.contains(s, p, o);
        }
    }

    @Test
    void types_come_from_statements_domains_ranges_and_super_classes_without_asking_the_rdfs_view() {
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader("""
                @prefix ex: <http://example.org/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                ex:links rdfs:range ex:Target ; rdfs:domain ex:Source .
                ex:narrowLink rdfs:subPropertyOf ex:links .
                ex:Target rdfs:subClassOf ex:Thing .
                ex:a ex:links ex:b .
                ex:c ex:narrowLink ex:d .
                ex:b a ex:Stated .
                """)).lang(Lang.TURTLE).parse(data);
        SetupRDFS schema = RDFSFactory.setupRDFS(data);
        Graph rdfs = RDFSFactory.graphRDFS(data, schema);
        CountedTypeReads counted = new CountedTypeReads(rdfs);
        TypesOnce view = new TypesOnce(counted, data, schema);

        for (String node : new String[] {"a", "b", "c", "d", "links"}) {
            for (String type : new String[] {"Target", "Thing", "Stated", "Source", "Unrelated"}) {
                assertEquals(rdfs.contains(ex(node), TYPE, ex(type)), view.contains(ex(node), TYPE, ex(type)), node + " " + type);
            }
            assertEquals(rdfs.find(ex(node), TYPE, Node.ANY).toSet(), view.find(Triple.create(ex(node), TYPE, Node.ANY)).toSet(), node);
        }
        assertTrue(view.contains(ex("b"), TYPE, ex("Thing")), "range, then sub-class");
        assertEquals(0, counted.reads.get(), "no question about a resource's type reached the RDFS view");
        assertEquals(rdfs.find(ex("a"), ex("links"), Node.ANY).toSet(), view.find(ex("a"), ex("links"), Node.ANY).toSet(),
                "other statements pass through");
        assertEquals(rdfs.find(Node.ANY, TYPE, ex("Source")).toSet(), view.find(Node.ANY, TYPE, ex("Source")).toSet(),
                "a question with no subject passes through");
    }

    @Test
    void every_resource_of_the_shipped_data_has_the_types_jena_rdfs_gives_it() {
        Graph data = GraphFactory.createDefaultGraph();
        SourceSet.discover(ProjectPaths.root()).files().forEach(f -> RDFDataMgr.read(data, f.path().toString()));
        SetupRDFS schema = RDFSFactory.setupRDFS(data);
        Graph rdfs = RDFSFactory.graphRDFS(data, schema);
        TypesOnce view = new TypesOnce(rdfs, data, schema);
        Set<Node> nodes = new HashSet<>();
        data.find().forEachRemaining(t -> {
            nodes.add(t.getSubject());
            if (!t.getObject().isLiteral()) {
                nodes.add(t.getObject());
            }
        });
        for (Node node : nodes) {
            assertEquals(rdfs.find(node, TYPE, Node.ANY).toSet(), view.find(node, TYPE, Node.ANY).toSet(), node.toString());
        }
        assertTrue(nodes.size() > 200, "checked " + nodes.size() + " resources");
    }
}
