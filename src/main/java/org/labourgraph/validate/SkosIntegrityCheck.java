package org.labourgraph.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.labourgraph.validate.Finding.Check;

/**
 * SKOS integrity of the concept scheme, one SPARQL query per rule (the {@code skos-*.rq} files next to
 * this class, parsed when the class loads so that a broken query fails the first test, not a user).
 * Runs over the RDFS-entailed union, so instances of sub-classes of skos:Concept count as concepts.
 */
final class SkosIntegrityCheck {
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    private static final Query BROADER_CYCLE = load("skos-broader-cycle.rq");
    private static final Query ORPHAN_CONCEPT = load("skos-orphan-concept.rq");
    private static final Query PREFLABEL_MISSING = load("skos-preflabel-missing.rq");
    private static final Query PREFLABEL_DUPLICATE = load("skos-preflabel-duplicate.rq");
    private static final Query LABEL_CLASH = load("skos-label-clash.rq");
    private static final Query RELATED_BROADER = load("skos-related-broader.rq");
    private static final Query NOT_IN_SCHEME = load("skos-not-in-scheme.rq");
    private static final Query SHARED_PREFLABEL = load("skos-shared-preflabel.rq");
    private static final Query DEPRECATED_BROADER = load("skos-deprecated-broader.rq");

    private final Graph graph;
    private final List<Finding> findings = new ArrayList<>();

    private SkosIntegrityCheck(Graph graph) {
        this.graph = graph;
    }

    static List<Finding> run(Graph entailed) {
        SkosIntegrityCheck check = new SkosIntegrityCheck(entailed);
        check.broaderCycles();
        check.orphanConcepts();
        check.missingPrefLabels();
        check.duplicatePrefLabels();
        check.labelClashes();
        check.relatedAlsoBroader();
        check.conceptsOutsideScheme();
        check.sharedPrefLabels();
        check.deprecatedBroaders();
        return check.findings;
    }

    private void broaderCycles() {
        BroaderCycles cycles = new BroaderCycles();
        select(BROADER_CYCLE, row -> cycles.addLink(row.get("concept"), row.get("broader")));
        for (List<Node> cycle : cycles.cycles()) {
            List<String> names = new ArrayList<>();
            for (Node member : cycle) {
                names.add(describe(member));
            }
            names.add(NodeLabels.nameOf(cycle.get(0)));
            add(cycle.get(0), SKOS + "broader", "skos:broader cycle " + String.join(" → ", names)
                    + ": a concept cannot be broader than itself; remove one of these skos:broader (or skos:narrower) links");
        }
    }

    private void deprecatedBroaders() {
        select(DEPRECATED_BROADER, row -> add(row.get("concept"), "http://www.w3.org/2002/07/owl#deprecated", "concept "
                + describe(row.get("concept")) + " is deprecated (owl:deprecated true) but is still the skos:broader of "
                + describe(row.get("narrower")) + "; move the narrower concept under the successor (dcterms:isReplacedBy) or"
                + " another concept first, then retire this one"));
    }

    private void orphanConcepts() {
        select(ORPHAN_CONCEPT, row -> add(row.get("concept"), SKOS + "broader", "concept " + describe(row.get("concept"))
                + " is outside the hierarchy: it does not reach a top concept of the scheme through skos:broader;"
                + " give it a skos:broader link (and the matching skos:narrower), make it a top concept or a skos:member"
                + " of a skos:Collection, or, if it is retired, state owl:deprecated true"));
    }

    private void missingPrefLabels() {
        select(PREFLABEL_MISSING, row -> {
            String language = row.get("language").getLiteralLexicalForm();
            add(row.get("concept"), SKOS + "prefLabel", "concept " + describe(row.get("concept"))
                    + " has no skos:prefLabel in '" + language + "'; add one (\"…\"@" + language + ")");
        });
    }

    private void duplicatePrefLabels() {
        select(PREFLABEL_DUPLICATE, row -> add(row.get("concept"), SKOS + "prefLabel", "concept "
                + describe(row.get("concept")) + " has " + row.get("count").getLiteralLexicalForm()
                + " skos:prefLabels in '" + row.get("language").getLiteralLexicalForm() + "' ("
                + row.get("labels").getLiteralLexicalForm() + "); keep one and make the others skos:altLabel"));
    }

    private void labelClashes() {
        select(LABEL_CLASH, row -> add(row.get("concept"), row.get("second").getURI(), "concept "
                + describe(row.get("concept")) + " has " + literal(row.get("label")) + " as both "
                + NodeLabels.nameOf(row.get("first")) + " and " + NodeLabels.nameOf(row.get("second"))
                + "; a string is one kind of label only: remove it from " + NodeLabels.nameOf(row.get("second"))));
    }

    private void relatedAlsoBroader() {
        select(RELATED_BROADER, row -> add(row.get("concept"), SKOS + "related", "concept "
                + describe(row.get("concept")) + " is skos:related to " + describe(row.get("broader"))
                + ", which is also one of its broader concepts; remove the skos:related link"));
    }

    private void conceptsOutsideScheme() {
        select(NOT_IN_SCHEME, row -> add(row.get("concept"), SKOS + "inScheme", "concept " + describe(row.get("concept"))
                + " is in no skos:ConceptScheme; add skos:inScheme with the scheme"));
    }

    private void sharedPrefLabels() {
        select(SHARED_PREFLABEL, row -> add(row.get("concept"), SKOS + "prefLabel", "[warning] skos:prefLabel "
                + literal(row.get("label")) + " names two concepts, " + describe(row.get("concept")) + " and "
                + NodeLabels.nameOf(row.get("other")) + "; a label should name one concept so that search"
                + " and reconciliation are unambiguous: reword one of them"));
    }

    private void add(Node focus, String path, String message) {
        findings.add(new Finding(Check.SKOS, NodeLabels.focusOf(focus), path, message));
    }

    private String describe(Node node) {
        return NodeLabels.describe(graph, node);
    }

    private static String literal(Node literal) {
        String language = literal.getLiteralLanguage();
        return "“" + literal.getLiteralLexicalForm() + "”" + (language.isEmpty() ? "" : "@" + language);
    }

    /** Runs a query and hands each row over, its variables looked up by name. */
    private void select(Query query, Consumer<Row> action) {
        try (QueryExec exec = QueryExec.graph(graph).query(query).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(binding -> action.accept(new Row(binding)));
        }
    }

    private record Row(Binding binding) {
        Node get(String variable) {
            Node value = binding.get(variable);
            if (value == null) {
                throw new IllegalStateException("SKOS query row lacks ?" + variable + ": " + binding);
            }
            return value;
        }
    }

    private static Query load(String name) {
        try (InputStream in = SkosIntegrityCheck.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing query resource org/labourgraph/validate/" + name);
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read query resource " + name, e);
        }
    }
}
