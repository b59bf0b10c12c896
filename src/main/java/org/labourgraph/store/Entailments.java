package org.labourgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Computes the entailment graph: what RDFS sub-class/sub-property reasoning, inverse, symmetric and
 * transitive properties (with the SKOS axioms) add to the asserted graphs. Stored as its own named graph,
 * so the endpoint's default graph (the union) answers queries written with standard terms, and the
 * asserted data stays as authored.
 */
public final class Entailments {
    private static final List<Rule> RULES = loadRules();
    private static final Graph VOCABULARY_AXIOMS = loadAxioms();

    private Entailments() {}

    /** The triples entailed by {@code asserted} that it does not already contain. */
    public static Graph of(Graph asserted) {
        Model base = ModelFactory.createDefaultModel();
        GraphUtil.addInto(base.getGraph(), asserted);
        GraphUtil.addInto(base.getGraph(), VOCABULARY_AXIOMS);
        GenericRuleReasoner reasoner = new GenericRuleReasoner(RULES);
        reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
        InfModel inf = ModelFactory.createInfModel(reasoner, base);
        Graph deductions = inf.getDeductionsModel().getGraph();
        Graph entailed = GraphFactory.createDefaultGraph();
        deductions.find().forEachRemaining((Triple t) -> {
            if (!asserted.contains(t) && !VOCABULARY_AXIOMS.contains(t)) {
                entailed.add(t);
            }
        });
        return entailed;
    }

    private static List<Rule> loadRules() {
        try (InputStream in = Entailments.class.getResourceAsStream("entailment.rules")) {
            if (in == null) {
                throw new IllegalStateException("entailment.rules missing from the classpath");
            }
            return Rule.parseRules(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Graph loadAxioms() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Entailments.class.getResourceAsStream("vocabulary-axioms.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }
}
