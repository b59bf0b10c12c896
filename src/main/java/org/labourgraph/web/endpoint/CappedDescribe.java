package org.labourgraph.web.endpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * The endpoint's DESCRIBE: what Jena's default gives (every triple whose subject is the resource, in any graph,
 * and the blank nodes they lead to, followed) but at most the row cap of triples in all. Jena's default builds the
 * whole description in memory: a hub concept's runs to hundreds of thousands of entailed triples at 5·10^6, and
 * sixteen clients describing it at once ran a -Xmx1g server out of heap. Past the cap the description stops and the
 * execution context says so ({@link #TRUNCATED}), for the response headers.
 */
public final class CappedDescribe implements DescribeHandler {
    /** The most triples one DESCRIBE returns, set in the query's context by the endpoint; without it, no cap (Jena's behaviour). */
    static final Symbol TRIPLE_CAP = Symbol.create("https://w3id.org/labourgraph/ontology#describeTripleCap");
    /** Set in the query's context when the description was cut at the cap. */
    static final Symbol TRUNCATED = Symbol.create("https://w3id.org/labourgraph/ontology#describeTruncated");

    private Graph accumulated;
    private DatasetGraph dataset;
    private Context context;
    private long cap;

    /** Makes this the DESCRIBE of every query in the JVM (Jena keeps one registry); only the endpoint's set a cap. */
    public static void install() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        registry.clear();
        registry.add(CappedDescribe::new);
    }

    @Override
    public void start(Model accumulateResultModel, Context cxt) {
        accumulated = accumulateResultModel.getGraph();
        context = cxt;
        Object current = cxt.get(ARQConstants.sysCurrentDataset);
        dataset = current instanceof Dataset d ? d.asDatasetGraph() : (DatasetGraph) current;
        Object configured = cxt.get(TRIPLE_CAP);
        cap = configured == null ? Long.MAX_VALUE : Long.parseLong(configured.toString());
    }

    @Override
    public void describe(Resource r) {
        if (dataset == null || context.isTrue(TRUNCATED)) {
            return;
        }
        Set<Node> followed = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.add(r.asNode());
        while (!pending.isEmpty()) {
            Node subject = pending.poll();
            Iterator<Quad> quads = dataset.find(Node.ANY, subject, Node.ANY, Node.ANY);
            try {
                while (quads.hasNext()) {
                    Quad q = quads.next();
                    if (accumulated.size() >= cap && !accumulated.contains(q.asTriple())) {
                        context.set(TRUNCATED, true);
                        return;
                    }
                    accumulated.add(q.asTriple());
                    if (q.getObject().isBlank() && followed.add(q.getObject())) {
                        pending.add(q.getObject());
                    }
                }
            } finally {
                Iter.close(quads);
            }
        }
    }

    @Override
    public void finish() {
        // Nothing held.
    }
}
