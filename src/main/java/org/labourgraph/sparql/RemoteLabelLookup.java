package org.labourgraph.sparql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.validate.LabelLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources that may carry some labels, asked of an external store over its public data, for the label-uniqueness
 * check of a write through a front-end.
 *
 * <p>On a Jena store with a jena-text index ({@link SearchDialect#JENA_TEXT}), each label is one phrase query to that
 * index ({@code label-twins-jena-text.rq}): tens of milliseconds whatever the store's size. The index is trusted only
 * once it has shown, for each label property the data uses, that it holds that property and folds case (a few of the
 * property's values, asked in the other case, are found); until then, for a label with no letter or digit, or when a
 * property's hits reach {@link #HIT_LIMIT}, the label is looked up the portable way. Virtuoso's free-text index is not
 * used: it is brought up to date in batches, so a label written a moment before could be missed.
 *
 * <p>The portable way is one query that compares every label of the store with the given ones, lowercased
 * ({@code label-twins-in-graphs.rq} graph by graph, or {@code label-twins-scan.rq} where the store's default graph is
 * the data). Exact where the store lowers case as Jena does; it costs a read of every label (1.5 s at 10^6 triples on
 * a TDB2 Fuseki on this project's 2-core machine), so the caller asks only about the labels a change may bring into
 * conflict.
 */
public final class RemoteLabelLookup implements LabelLookup {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteLabelLookup.class);
    /** Hits of one property for one label past which the index's answer may be cut: the label is then scanned for. */
    static final int HIT_LIMIT = 1000;
    /** How long a property found in the index is trusted before it is asked again (the store may be restarted otherwise). */
    static final Duration TRUSTED_FOR = Duration.ofMinutes(10);
    private static final List<Node> LABEL_PROPERTIES = List.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(),
            SKOS.hiddenLabel.asNode());
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private static final Query TWINS = QueryLibrary.load("label-twins-scan.rq", Syntax.syntaxSPARQL_11);
    private static final Query TWINS_IN_GRAPHS = QueryLibrary.load("label-twins-in-graphs.rq", Syntax.syntaxSPARQL_11);
    private static final Query TWINS_IN_INDEX = QueryLibrary.load("label-twins-jena-text.rq", Syntax.syntaxARQ);
    private static final Query SAMPLE = QueryLibrary.load("label-sample.rq", Syntax.syntaxSPARQL_11);
    private static final Query SAMPLE_IN_GRAPHS = QueryLibrary.load("label-sample-in-graphs.rq", Syntax.syntaxSPARQL_11);
    private static final Var FOLDED = Var.alloc("folded");
    private static final Var GRAPH = Var.alloc("g");
    private static final Var RESOURCE = Var.alloc("resource");
    private static final Var LABEL = Var.alloc("label");
    private static final Var PROP = Var.alloc("prop");

    private final RemoteSparqlService remote;
    private final Supplier<SearchDialect> dialect;
    /** Label property → when ({@link System#nanoTime}) the index last showed it holds it, case folded. */
    private final Map<Node, Long> indexed = new ConcurrentHashMap<>();
    private final AtomicLong scans = new AtomicLong();

    /** A look-up that reads every label of the store for each question (no text index is asked). */
    public RemoteLabelLookup(RemoteSparqlService remote) {
        this(remote, () -> SearchDialect.PORTABLE);
    }

    /** {@code dialect}: the store's search dialect ({@link RemoteSparqlSearch#dialect}), asked at each look-up. */
    public RemoteLabelLookup(RemoteSparqlService remote, Supplier<SearchDialect> dialect) {
        this.remote = remote;
        this.dialect = dialect;
    }

    @Override
    public Optional<Set<Node>> resourcesPossiblyLabelled(Collection<String> labels) {
        List<String> folded = labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        Set<Node> resources = new HashSet<>();
        List<String> unanswered = new ArrayList<>();
        boolean index = !folded.isEmpty() && dialect.get() == SearchDialect.JENA_TEXT && indexHoldsEveryLabelProperty();
        for (String label : folded) {
            Optional<Set<Node>> hits = index ? indexHits(label) : Optional.empty();
            hits.ifPresentOrElse(resources::addAll, () -> unanswered.add(label));
        }
        if (!unanswered.isEmpty()) {
            resources.addAll(scan(unanswered));
        }
        return Optional.of(resources);
    }

    /** How many times this look-up has read every label of the store. */
    public long scans() {
        return scans.get();
    }

    /** The resources with one of these (lowercased) labels, from a read of every label of the store. */
    private Set<Node> scan(List<String> folded) {
        List<Node> values = folded.stream().map(l -> (Node) NodeFactory.createLiteralString(l)).toList();
        QueryExecHTTPBuilder query = overData(QueryLibrary.withValues(TWINS, FOLDED, values),
                QueryLibrary.withValues(TWINS_IN_GRAPHS, FOLDED, values));
        Set<Node> resources = new HashSet<>();
        scans.incrementAndGet();
        for (RowSet rows = select(query); rows.hasNext(); ) {
            Node r = rows.next().get(RESOURCE);
            if (r != null) {
                resources.add(r);
            }
        }
        return resources;
    }

    /** The index's candidates for one lowercased label; empty when it cannot say (no word, too many hits, an error). */
    private Optional<Set<Node>> indexHits(String label) {
        if (!HAS_WORD.matcher(label).find()) {
            return Optional.empty();
        }
        IndexAnswer answer;
        try {
            answer = askIndex(label);
        } catch (HttpException | QueryException e) {
            LOG.debug("The store's text index did not answer for a label ({}); every label is read instead.", e.getMessage());
            return Optional.empty();
        }
        if (answer.cut()) {
            return Optional.empty();
        }
        Set<Node> resources = new HashSet<>();
        answer.resources().values().forEach(resources::addAll);
        return Optional.of(resources);
    }

    /** What the index answered for a phrase: the resources found, by label property, and whether a property's hits were cut. */
    private record IndexAnswer(Map<Node, Set<Node>> resources, boolean cut) {}

    /** The index's hits for {@code text} as it is (the index's analyzer decides what case it folds). */
    private IndexAnswer askIndex(String text) {
        Map<Node, Integer> hits = new HashMap<>();
        Map<Node, Set<Node>> resources = new HashMap<>();
        for (RowSet rows = select(remote.storedExec(TWINS_IN_INDEX).substitution(BindingFactory.builder()
                .add(Var.alloc("luceneQuery"), NodeFactory.createLiteralString(phrase(text)))
                .add(Var.alloc("hitLimit"), NodeFactory.createLiteralDT(Integer.toString(HIT_LIMIT), XSDDatatype.XSDinteger))
                .build())); rows.hasNext(); ) {
            Binding row = rows.next();
            hits.merge(row.get(PROP), 1, Integer::sum);
            resources.computeIfAbsent(row.get(PROP), k -> new HashSet<>()).add(row.get(RESOURCE));
        }
        return new IndexAnswer(resources, hits.values().stream().anyMatch(n -> n >= HIT_LIMIT));
    }

    /**
     * Whether the index has shown it holds each label property the data uses, folding case: a few values of the
     * property are asked in another case and must come back. A property with no value yet needs no proof (no twin can
     * be found through it); one the index does not answer for makes every label be read instead.
     */
    private boolean indexHoldsEveryLabelProperty() {
        long now = System.nanoTime();
        for (Node p : LABEL_PROPERTIES) {
            Long since = indexed.get(p);
            if (since != null && now - since < TRUSTED_FOR.toNanos()) {
                continue;
            }
            Optional<Boolean> holds;
            try {
                holds = indexHolds(p);
            } catch (HttpException | QueryException e) {
                holds = Optional.of(false);
            }
            if (holds.isEmpty()) {
                continue;
            }
            if (!holds.get()) {
                LOG.info("The text index of {} did not find a value of <{}> asked in another case: label twins are found by"
                        + " reading every label of the store.", remote.endpoint().query(), p.getURI());
                return false;
            }
            indexed.put(p, now);
        }
        return true;
    }

    /** Empty when the data holds no value of {@code p} with a letter; else whether the index found one in another case. */
    private Optional<Boolean> indexHolds(Node p) {
        for (RowSet rows = select(overData(SAMPLE, SAMPLE_IN_GRAPHS).substitution(BindingFactory.binding(PROP, p))); rows.hasNext(); ) {
            Binding row = rows.next();
            String label = row.get(LABEL).getLiteralLexicalForm();
            String asked = label.equals(label.toLowerCase(Locale.ROOT)) ? label.toUpperCase(Locale.ROOT) : label.toLowerCase(Locale.ROOT);
            if (HAS_WORD.matcher(label).find() && !asked.equals(label)) {
                return Optional.of(askIndex(asked).resources().getOrDefault(p, Set.of()).contains(row.get(RESOURCE)));
            }
        }
        return Optional.empty();
    }

    /** A Lucene phrase query for the text as it is: the index's own analyzer splits it as it split the labels. */
    static String phrase(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Graph by graph ({@code inGraphs}, its {@code VALUES ?g} filled) where the data is in named graphs; else
     * {@code plain} over the store's default graph, as the data's dataset.
     */
    private QueryExecHTTPBuilder overData(Query plain, Query inGraphs) {
        List<Node> graphs = remote.namedDataGraphs().stream().map(g -> (Node) NodeFactory.createURI(g)).toList();
        return graphs.isEmpty() ? remote.queryExec(plain) : remote.storedExec(QueryLibrary.withValues(inGraphs, GRAPH, graphs));
    }

    private RowSet select(QueryExecHTTPBuilder query) {
        try (QueryExecHTTP exec = query.build()) {
            return exec.select().materialize();
        }
    }
}
