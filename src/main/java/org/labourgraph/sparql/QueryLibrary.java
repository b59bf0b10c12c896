package org.labourgraph.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * The application's own SPARQL, kept as .rq resources beside this class and parsed once at class
 * initialisation: a broken query fails the first test that touches it, never a user's request.
 */
public final class QueryLibrary {
    private QueryLibrary() {}

    /** The application's fixed queries: those loaded here and those built once from them ({@link #fixed}). */
    private static final Set<Query> FIXED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    public static final Query SEARCH = load("search.rq", Syntax.syntaxARQ);
    /** Search without a text index, for an external endpoint: standard SPARQL 1.1 only, checked as such. */
    public static final Query SEARCH_FALLBACK = load("search-fallback.rq", Syntax.syntaxSPARQL_11);
    /** The resources whose labels contain a label's words (text index): candidates for the label-uniqueness check. */
    public static final Query LABEL_TWINS = load("label-twins.rq", Syntax.syntaxARQ);
    /** The named graphs of an external store under the project's graph namespace (the public data, discovered). */
    public static final Query DATA_GRAPHS = load("data-graphs.rq", Syntax.syntaxSPARQL_11);
    /** The same by the graphs' triples, for a store that lists no graph for an empty graph pattern. */
    public static final Query DATA_GRAPHS_BY_TRIPLES = load("data-graphs-by-triples.rq", Syntax.syntaxSPARQL_11);
    /** Every stated triple of an external store's data graphs, with its graph (the entailment graph left out). */
    public static final Query ASSERTED_DATA = load("asserted-data.rq", Syntax.syntaxSPARQL_11);
    /** {@code ASK {}}: is a SPARQL service answering? */
    public static final Query ALIVE = load("alive.rq", Syntax.syntaxSPARQL_11);

    /**
     * Marks a query built once from loaded ones (at class initialisation, never per request) as fixed, like a loaded
     * one: an external store gets it as a prepared text ({@link SentQueryText}).
     */
    static Query fixed(Query query) {
        FIXED.add(query);
        return query;
    }

    /** True for a query loaded here or marked {@link #fixed}: one object for the server's life, worth preparing. */
    static boolean isFixed(Query query) {
        return FIXED.contains(query);
    }

    /** Loads one of the application's queries (ARQ syntax: property functions such as text:query). */
    static Query load(String resourceName) {
        return load(resourceName, Syntax.syntaxARQ);
    }

    static Query load(String resourceName, Syntax syntax) {
        try (InputStream in = QueryLibrary.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL resource " + resourceName + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // ARQ syntax where needed (the text:query property function takes a list argument); queries sent
            // to an external service are parsed as strict SPARQL 1.1.
            return fixed(QueryFactory.create(text, syntax));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (QueryParseException e) {
            throw new IllegalStateException("SPARQL resource " + resourceName + " does not parse: " + e.getMessage(), e);
        }
    }

    /** The query with its empty {@code VALUES ?var { }} block filled with these values, one row each (never as text). */
    public static Query withValues(Query template, Var var, List<Node> values) {
        List<Binding> rows = values.stream().map(v -> BindingFactory.binding(var, v)).toList();
        return QueryTransformOps.transform(template, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                if (data.getVars().equals(List.of(var)) && data.getRows().isEmpty()) {
                    return new ElementData(List.of(var), rows);
                }
                return super.transform(data);
            }
        });
    }
}
