package org.labourgraph.sparql;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.labourgraph.validate.LabelLookup;

/**
 * The resources that may carry some labels, from the text index: one query, a phrase per label on its words (each index
 * query opens and closes a Lucene reader, the largest part of a small edit's cost). The index lowers case and folds
 * accents, so every resource whose label equals a given one ignoring case is among the hits; the index holds what is
 * committed, so the running change's own resources are the caller's to add.
 */
public final class LabelIndexLookup implements LabelLookup {
    /** Past this many hits the index cannot list every candidate in one answer: the caller scans instead. */
    static final int HIT_LIMIT = 10_000;
    /** Lucene refuses a query of more than 1,024 clauses: a resource with more labels than this is scanned. */
    static final int MAX_LABELS = 512;
    private static final Pattern INDEXABLE = Pattern.compile("[\\p{L}\\p{N}]");

    private final DatasetGraph dataset;
    private final Duration timeout;

    public LabelIndexLookup(DatasetGraph dataset, Duration timeout) {
        this.dataset = dataset;
        this.timeout = timeout;
    }

    @Override
    public Optional<Set<Node>> resourcesPossiblyLabelled(Collection<String> labels) {
        if (labels.isEmpty()) {
            return Optional.of(Set.of());
        }
        if (labels.size() > MAX_LABELS || !labels.stream().allMatch(label -> INDEXABLE.matcher(label).find())) {
            return Optional.empty(); // too many phrases for one query, or a label with no word the index could have kept
        }
        String phrases = labels.stream().distinct().map(label -> '"' + QueryParserBase.escape(label) + '"')
                .collect(Collectors.joining(" OR "));
        List<Binding> rows = new QueryRunner(dataset, timeout).select(QueryLibrary.LABEL_TWINS, Map.of(
                "luceneQuery", NodeFactory.createLiteralString(phrases),
                "hitLimit", NodeFactory.createLiteralDT(Integer.toString(HIT_LIMIT), XSDDatatype.XSDinteger)));
        if (rows.size() >= HIT_LIMIT) {
            return Optional.empty();
        }
        Set<Node> resources = new HashSet<>();
        rows.forEach(row -> resources.add(row.get(Var.alloc("resource"))));
        return Optional.of(resources);
    }
}
