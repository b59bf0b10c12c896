package org.labourgraph.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The history as PROV-O, for curators' SPARQL: each revision a {@code prov:Activity} (time, agent, message) that
 * {@code prov:used} the previous state of every resource it touched and {@code prov:generated} the new one; each
 * state a {@code prov:Entity}, {@code prov:specializationOf} its resource, {@code prov:wasRevisionOf} the state before.
 * Agents carry their login ({@code foaf:accountName}): never served to the public.
 *
 * <p>States of resources under the base are named by their citable URL ({@code <base>doc/<kind>/<name>?rev=N});
 * others by {@code urn:labourgraph:revision:N:<encoded IRI>}. Activities are {@code urn:labourgraph:revision:N}
 * (also the {@code id} header of the revision's RDF Patch).
 */
public final class Provenance {
    /** The named graph the provenance is in, in {@link #dataset}. */
    public static final String GRAPH = "https://w3id.org/labourgraph/graph/history";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

    private Provenance() {}

    /** The PROV-O statements of every revision in {@code log}; {@code base} names the citable states. */
    public static Graph of(RevisionLog log, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        Map<String, Node> lastState = new HashMap<>();
        for (Revision r : log.revisions()) {
            Node activity = PatchCodec.id(r.number());
            Node time = NodeFactory.createLiteralDT(r.time().toString(), XSDDatatype.XSDdateTime);
            Node agent = NodeFactory.createURI("urn:labourgraph:account:" + encode(r.author()));
            add(g, activity, RDF.type.asNode(), prov("Activity"));
            add(g, activity, prov("startedAtTime"), time);
            add(g, activity, prov("endedAtTime"), time);
            add(g, activity, prov("wasAssociatedWith"), agent);
            add(g, activity, RDFS.comment.asNode(), NodeFactory.createLiteralString(r.message()));
            add(g, activity, RDFS.label.asNode(), NodeFactory.createLiteralString("revision " + r.number()));
            add(g, agent, RDF.type.asNode(), prov("Agent"));
            add(g, agent, NodeFactory.createURI(FOAF + "accountName"), NodeFactory.createLiteralString(r.author()));
            for (String iri : r.resources()) {
                Node state = state(base, iri, r.number());
                Node before = lastState.get(iri);
                add(g, state, RDF.type.asNode(), prov("Entity"));
                add(g, state, prov("specializationOf"), NodeFactory.createURI(iri));
                add(g, state, prov("wasGeneratedBy"), activity);
                add(g, state, prov("generatedAtTime"), time);
                add(g, activity, prov("generated"), state);
                if (before != null) {
                    add(g, activity, prov("used"), before);
                    add(g, state, prov("wasRevisionOf"), before);
                }
                lastState.put(iri, state);
            }
        }
        return g;
    }

    /** The provenance as a dataset: one named graph ({@link #GRAPH}), also the default graph. */
    public static DatasetGraph dataset(RevisionLog log, String base) {
        Graph g = of(log, base);
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        ds.executeWrite(() -> {
            Node name = NodeFactory.createURI(GRAPH);
            g.find().forEachRemaining(t -> {
                ds.add(name, t.getSubject(), t.getPredicate(), t.getObject());
                ds.getDefaultGraph().add(t);
            });
        });
        return ds;
    }

    static Node state(String base, String iri, long number) {
        String id = base + "id/";
        if (iri.startsWith(id)) {
            return NodeFactory.createURI(base + "doc/" + iri.substring(id.length()) + "?rev=" + number);
        }
        return NodeFactory.createURI("urn:labourgraph:revision:" + number + ":" + encode(iri));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Node prov(String local) {
        return NodeFactory.createURI(PROV + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
