package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.labourgraph.export.TriplePatterns;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.store.ChangeMarker;
import org.labourgraph.vocab.Prefixes;
import org.labourgraph.web.site.Conneg;

/**
 * {@code /fragments}: Linked Data Fragments — a Triple Pattern Fragments interface ({@code ?subject=&predicate=
 * &object=&page=}) with hydra controls (search template, paging) and {@code void:triples}/{@code hydra:totalItems}
 * counts, as TriG (metadata in its own graph), Turtle, N-Quads or JSON-LD. Generic clients such as Comunica
 * evaluate SPARQL over it. It shows what the endpoint's default graph shows: public data plus entailments.
 */
final class FragmentsServlet extends HttpServlet {
    static final int PAGE_SIZE = 100;
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final String VOID = "http://rdfs.org/ns/void#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final Pattern LITERAL = Pattern.compile("^\"(.*)\"(?:@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)|\\^\\^<?([^<>]+)>?)?$", Pattern.DOTALL);
    private static final List<String> OFFERS = List.of("application/trig", "application/n-quads", "text/turtle",
            "application/ld+json", "application/n-triples");
    private static final Map<String, RDFFormat> DATASET_WRITERS = Map.of(
            "application/trig", RDFFormat.TRIG_BLOCKS, "application/n-quads", RDFFormat.NQUADS, "application/ld+json", RDFFormat.JSONLD);
    private static final Map<String, RDFFormat> GRAPH_WRITERS = Map.of(
            "text/turtle", RDFFormat.TURTLE_BLOCKS, "application/n-triples", RDFFormat.NTRIPLES);

    private final transient Supplier<QueryRunner> runners;
    /** The embedded store, whose change marker validates a cached fragment; null over an external service. */
    private final transient DatasetGraph watched;

    FragmentsServlet(Supplier<QueryRunner> runners, DatasetGraph watched) {
        this.runners = runners;
        this.watched = watched;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = Conneg.choose(request.getHeader("Accept"), OFFERS).orElse(null);
        if (type == null) {
            Plain.send(response, 406, "text/plain", "Not acceptable: fragments are served as " + String.join(", ", OFFERS) + ".\n");
            return;
        }
        Node s;
        Node p;
        Node o;
        long page;
        try {
            s = term(request.getParameter("subject"), false);
            p = term(request.getParameter("predicate"), false);
            o = term(request.getParameter("object"), true);
            String pageParam = request.getParameter("page");
            page = pageParam == null || pageParam.isBlank() ? 1 : Long.parseLong(pageParam.strip());
            if (page < 1 || page > 1_000_000) {
                throw new IllegalArgumentException("page must be between 1 and 1000000");
            }
        } catch (IllegalArgumentException e) {
            Plain.send(response, 400, "text/plain", "Bad triple pattern: " + e.getMessage()
                    + ". Give subject and predicate as IRIs, object as an IRI or a literal (\"text\"@en, \"2019\"^^xsd-IRI).\n");
            return;
        }
        response.setHeader("Vary", "Accept");
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (watched != null) {
            // An external store's changes cannot be watched: its fragments carry no validator and are read each time.
            ChangeMarker.Snapshot marker = ChangeMarker.of(watched).snapshot();
            if (HttpValidators.notModified(request, response, marker.version(), "tpf-" + Integer.toHexString(query.hashCode())
                    + "-" + type.replace('/', '_'), marker.lastChange())) {
                return;
            }
        }
        TriplePatterns.Page result = TriplePatterns.find(runners.get(), s, p, o, (page - 1) * PAGE_SIZE, PAGE_SIZE);

        String site = SiteAddress.of(request);
        String base = site + "fragments";
        String fragment = base + (query.isEmpty() ? "" : "?" + query);
        String datasetIri = base + "#dataset";
        Graph meta = GraphFactory.createDefaultGraph();
        Node frag = NodeFactory.createURI(fragment);
        Node ds = NodeFactory.createURI(datasetIri);
        add(meta, ds, RDF.type.asNode(), uri(VOID + "Dataset"));
        add(meta, ds, RDF.type.asNode(), uri(HYDRA + "Collection"));
        add(meta, ds, uri(VOID + "subset"), frag);
        add(meta, ds, uri(VOID + "sparqlEndpoint"), uri(site + "sparql"));
        Node search = NodeFactory.createBlankNode();
        add(meta, ds, uri(HYDRA + "search"), search);
        add(meta, search, uri(HYDRA + "template"), NodeFactory.createLiteralString(base + "{?subject,predicate,object}"));
        add(meta, search, uri(HYDRA + "variableRepresentation"), uri(HYDRA + "ExplicitRepresentation"));
        for (String[] m : new String[][] {{"subject", "subject"}, {"predicate", "predicate"}, {"object", "object"}}) {
            Node mapping = NodeFactory.createBlankNode();
            add(meta, search, uri(HYDRA + "mapping"), mapping);
            add(meta, mapping, uri(HYDRA + "variable"), NodeFactory.createLiteralString(m[0]));
            add(meta, mapping, uri(HYDRA + "property"), uri(RDF.getURI() + m[1]));
        }
        add(meta, frag, RDF.type.asNode(), uri(HYDRA + "PartialCollectionView"));
        Node total = NodeFactory.createLiteralDT(Long.toString(result.total()), TypeMapper.getInstance().getSafeTypeByName(XSD + "integer"));
        add(meta, frag, uri(VOID + "triples"), total);
        add(meta, frag, uri(HYDRA + "totalItems"), total);
        add(meta, frag, uri(HYDRA + "itemsPerPage"),
                NodeFactory.createLiteralDT(Integer.toString(PAGE_SIZE), TypeMapper.getInstance().getSafeTypeByName(XSD + "integer")));
        String withoutPage = withoutPage(query);
        add(meta, frag, uri(HYDRA + "first"), uri(pageUrl(base, withoutPage, 1)));
        if (page > 1) {
            add(meta, frag, uri(HYDRA + "previous"), uri(pageUrl(base, withoutPage, page - 1)));
        }
        if (result.hasNext()) {
            add(meta, frag, uri(HYDRA + "next"), uri(pageUrl(base, withoutPage, page + 1)));
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (DATASET_WRITERS.containsKey(type)) {
            DatasetGraph dsg = DatasetGraphFactory.createGeneral();
            Prefixes.ALL.forEach((k, v) -> dsg.prefixes().add(k, v));
            result.triples().forEach(t -> dsg.getDefaultGraph().add(t));
            Node metaGraph = NodeFactory.createURI(fragment + (fragment.contains("#") ? "" : "#metadata"));
            Graph mg = dsg.getGraph(metaGraph);
            meta.find().forEachRemaining(mg::add);
            mg.add(metaGraph, uri(FOAF + "primaryTopic"), frag);
            RDFDataMgr.write(out, dsg, DATASET_WRITERS.get(type));
        } else {
            Graph all = GraphFactory.createDefaultGraph();
            Prefixes.ALL.forEach(all.getPrefixMapping()::setNsPrefix);
            result.triples().forEach(all::add);
            meta.find().forEachRemaining(all::add);
            RDFDataMgr.write(out, all, GRAPH_WRITERS.get(type));
        }
        response.setStatus(200);
        response.setContentType(type + ";charset=utf-8");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    private static String withoutPage(String query) {
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("page=")) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }

    private static String pageUrl(String base, String query, long page) {
        return base + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

    /** A pattern position: absent, empty or a variable ("?x") means any; else an IRI, or (object only) a literal. */
    static Node term(String value, boolean literalAllowed) {
        if (value == null || value.isBlank() || value.startsWith("?")) {
            return Node.ANY;
        }
        if (value.startsWith("\"")) {
            if (!literalAllowed) {
                throw new IllegalArgumentException("only the object can be a literal");
            }
            Matcher m = LITERAL.matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException("malformed literal " + value);
            }
            if (m.group(2) != null) {
                return NodeFactory.createLiteralLang(m.group(1), m.group(2));
            }
            if (m.group(3) != null) {
                return NodeFactory.createLiteralDT(m.group(1), TypeMapper.getInstance().getSafeTypeByName(m.group(3)));
            }
            return NodeFactory.createLiteralString(m.group(1));
        }
        if (value.startsWith("_:")) {
            throw new IllegalArgumentException("blank nodes cannot be looked up");
        }
        String iri = value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
        if (!iri.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S*")) {
            throw new IllegalArgumentException("not an absolute IRI: " + value);
        }
        return NodeFactory.createURI(iri);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(s, p, o);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
