package org.labourgraph.sparql;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.labourgraph.validate.LabelLookup;

/**
 * The resources that may carry a label, from the text index: a phrase query on the label's words. The index lowers
 * case and folds accents, so every resource whose label equals the given one ignoring case is among the hits; the
 * index holds what is committed, so the running change's own resources are the caller's to add.
 */
public final class LabelIndexLookup implements LabelLookup {
    /** Past this many hits the index cannot list every candidate in one answer: the caller scans instead. */
    static final int HIT_LIMIT = 10_000;
    private static final Pattern INDEXABLE = Pattern.compile("[\\p{L}\\p{N}]");

    private final DatasetGraph dataset;
    private final Duration timeout;

    public LabelIndexLookup(DatasetGraph dataset, Duration timeout) {
        this.dataset = dataset;
        this.timeout = timeout;
    }

    @Override
    public Optional<Set<Node>> resourcesPossiblyLabelled(String label) {
        if (!INDEXABLE.matcher(label).find()) {
            return Optional.empty(); // no word the index could have kept
        }
        List<Binding> rows = new QueryRunner(dataset, timeout).select(QueryLibrary.LABEL_TWINS, Map.of(
                "luceneQuery", NodeFactory.createLiteralString('"' + QueryParserBase.escape(label) + '"'),
                "hitLimit", NodeFactory.createLiteralDT(Integer.toString(HIT_LIMIT), XSDDatatype.XSDinteger)));
        if (rows.size() >= HIT_LIMIT) {
            return Optional.empty();
        }
        Set<Node> resources = new HashSet<>();
        rows.forEach(row -> resources.add(row.get(Var.alloc("resource"))));
        return Optional.of(resources);
    }
}
