package org.labourgraph.validate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.ValidityReport;
import org.labourgraph.validate.Finding.Check;

/**
 * OWL consistency under Jena's OWL Micro rules (RDFS plus the OWL constructs that matter here:
 * disjointness, functional properties, inverse and equivalent properties, datatype ranges).
 * Each inconsistency the reasoner reports is one finding; its warnings are not findings.
 */
final class OwlConsistencyCheck {
    private OwlConsistencyCheck() {}

    static List<Finding> run(Graph union) {
        InfModel inferred = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(),
                ModelFactory.createModelForGraph(union));
        ValidityReport validity = inferred.validate();
        List<Finding> findings = new ArrayList<>();
        for (Iterator<ValidityReport.Report> reports = validity.getReports(); reports.hasNext(); ) {
            ValidityReport.Report report = reports.next();
            if (report.isError()) {
                findings.add(toFinding(report, union));
            }
        }
        return findings;
    }

    private static Finding toFinding(ValidityReport.Report report, Graph union) {
        Node focus = focusOf(report.getExtension());
        String message = unquoted(report.getType()) + ": " + ProjectPrefixes.compactAll(oneLine(report.getDescription()));
        String label = NodeLabels.labelOf(union, focus);
        if (label != null) {
            message += " (“" + label + "”)";
        }
        return new Finding(Check.OWL, NodeLabels.focusOf(focus), null, message);
    }

    /** The reasoner names the culprit as an RDF node, a graph node, or not at all. */
    private static Node focusOf(Object extension) {
        if (extension instanceof RDFNode rdfNode) {
            return rdfNode.asNode();
        }
        if (extension instanceof Node node) {
            return node;
        }
        return null;
    }

    /** The rules' descriptions run over several lines ("Culprit = …", "Implicated node: …"). */
    private static String oneLine(String text) {
        return text == null ? "" : unquoted(text.trim()).replaceAll("\"?\\s*\\R\\s*", "; ").trim();
    }

    /** The rules quote their texts: {@code "conflict"}. */
    private static String unquoted(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("\"")) {
            int close = text.indexOf('"', 1);
            return close < 0 ? text : text.substring(1, close) + text.substring(close + 1);
        }
        return text;
    }
}
