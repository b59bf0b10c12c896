package org.labourgraph.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.validate.Finding.Check;

/**
 * What can be checked offline about the links to other vocabularies (data/alignments.ttl, explained in
 * ontology/README.md): ISBN-13, ORCID and ISNI check digits; the form of Wikidata, VIAF and GeoNames
 * identifiers; that every link has a mapping record (an owl:Axiom annotating it) with a justification and
 * an evidence URL; and that no two of our resources claim the same target as an exact match.
 */
final class IdentifierCheck {
    static final Node SCHEMA_SAME_AS = NodeFactory.createURI("https://schema.org/sameAs");
    static final Node SCHEMA_ISBN = NodeFactory.createURI("https://schema.org/isbn");
    static final Node JUSTIFICATION = NodeFactory.createURI("https://w3id.org/sssom/mapping_justification");
    static final Node SEE_ALSO = NodeFactory.createURI("https://w3id.org/sssom/see_also");

    /** Properties that link a resource of ours to the same (or a matching) thing elsewhere. */
    private static final List<Node> LINKS = List.of(SCHEMA_SAME_AS, OWL2.sameAs.asNode(), SCHEMA_ISBN,
            SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode(), SKOS.broadMatch.asNode(), SKOS.narrowMatch.asNode(),
            SKOS.relatedMatch.asNode());
    /** Links that claim identity: one target may be claimed by one of our resources only. */
    private static final Set<Node> EXACT = Set.of(SCHEMA_SAME_AS, OWL2.sameAs.asNode(), SCHEMA_ISBN, SKOS.exactMatch.asNode());

    private record Scheme(String name, Pattern iri, Predicate<String> valid, String form) {}

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("Wikidata", Pattern.compile("https?://www\\.wikidata\\.org/(?:entity|wiki)/(.*)"),
                    id -> id.matches("Q[1-9][0-9]*"), "Q followed by digits, e.g. Q114"),
            new Scheme("VIAF", Pattern.compile("https?://viaf\\.org/viaf/([^/]*)/?"),
                    id -> id.matches("[1-9][0-9]*"), "digits only, e.g. 106965171"),
            new Scheme("GeoNames", Pattern.compile("https?://(?:sws|www)\\.geonames\\.org/([^/]*)(?:/.*)?"),
                    id -> id.matches("[1-9][0-9]*"), "digits only, e.g. 192950"),
            new Scheme("ORCID", Pattern.compile("https?://orcid\\.org/(.*)"),
                    id -> id.matches("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]") && CheckDigits.mod11_2(id),
                    "four groups of four digits whose last character is its ISO 7064 MOD 11-2 check digit"),
            new Scheme("ISNI", Pattern.compile("https?://(?:www\\.)?isni\\.org/isni/(.*)"),
                    id -> id.matches("[0-9]{15}[0-9X]") && CheckDigits.mod11_2(id),
                    "16 characters whose last one is its ISO 7064 MOD 11-2 check digit"));

    private IdentifierCheck() {}

    static List<Finding> run(Graph union) {
        List<Finding> findings = new ArrayList<>();
        Map<Node, Set<Node>> claims = new LinkedHashMap<>();
        for (Node property : LINKS) {
            for (Triple link : union.find(Node.ANY, property, Node.ANY).toList()) {
                checkForm(link, findings);
                if (!hasRecord(union, link)) {
                    findings.add(finding(link.getSubject(), property, "the link to " + shown(link.getObject())
                            + " has no mapping record: annotate it with an owl:Axiom giving sssom:mapping_justification and the"
                            + " evidence URL (sssom:see_also) of a public page that states it, or remove it (ontology/README.md)"));
                }
                if (EXACT.contains(property)) {
                    claims.computeIfAbsent(link.getObject(), o -> new LinkedHashSet<>()).add(link.getSubject());
                }
            }
        }
        checkRecords(union, findings);
        claims.forEach((target, subjects) -> {
            if (subjects.size() > 1) {
                for (Node subject : subjects) {
                    List<String> others = subjects.stream().filter(s -> !s.equals(subject)).map(IdentifierCheck::shown).toList();
                    findings.add(finding(subject, null, shown(target) + " is also claimed as the same thing by "
                            + String.join(", ", others) + ": two of our resources cannot both be it; keep the link on one"));
                }
            }
        });
        return findings;
    }

    private static void checkForm(Triple link, List<Finding> findings) {
        Node o = link.getObject();
        if (link.getPredicate().equals(SCHEMA_ISBN)) {
            String isbn = o.isLiteral() ? o.getLiteralLexicalForm().replaceAll("[- ]", "") : "";
            if (!CheckDigits.isbn13(isbn)) {
                findings.add(finding(link.getSubject(), SCHEMA_ISBN, "ISBN " + shown(o) + " is not a valid ISBN-13 (13 digits,"
                        + " 978 or 979 first, last digit the check digit): copy it again from the evidence, or leave it out"));
            }
            return;
        }
        if (!o.isURI()) {
            return;
        }
        for (Scheme scheme : SCHEMES) {
            Matcher m = scheme.iri().matcher(o.getURI());
            if (m.matches() && !scheme.valid().test(m.group(1))) {
                findings.add(finding(link.getSubject(), link.getPredicate(), scheme.name() + " identifier " + shown(o)
                        + " is malformed (expected " + scheme.form() + "): copy it again from the evidence"));
            }
        }
    }

    private static boolean hasRecord(Graph g, Triple link) {
        return g.find(Node.ANY, OWL2.annotatedSource.asNode(), link.getSubject()).toList().stream()
                .map(Triple::getSubject)
                .anyMatch(a -> g.contains(a, OWL2.annotatedProperty.asNode(), link.getPredicate())
                        && g.contains(a, OWL2.annotatedTarget.asNode(), link.getObject()));
    }

    /** Every mapping record of a link names a justification and an evidence URL, and annotates a stated link. */
    private static void checkRecords(Graph g, List<Finding> findings) {
        for (Triple source : g.find(Node.ANY, OWL2.annotatedSource.asNode(), Node.ANY).toList()) {
            Node record = source.getSubject();
            Node property = single(g, record, OWL2.annotatedProperty.asNode());
            if (property == null || !LINKS.contains(property)) {
                continue;
            }
            Node target = single(g, record, OWL2.annotatedTarget.asNode());
            Node focus = source.getObject();
            if (single(g, record, JUSTIFICATION) == null) {
                findings.add(finding(focus, property, "the mapping record of the link to " + shown(target)
                        + " has no sssom:mapping_justification: add one, e.g. semapv:ManualMappingCuration"));
            }
            Node evidence = single(g, record, SEE_ALSO);
            if (evidence == null || !evidence.isURI() || !evidence.getURI().matches("https?://.+")) {
                findings.add(finding(focus, property, "the mapping record of the link to " + shown(target)
                        + " has no evidence: add sssom:see_also <https://…> naming the public page or file that states it"));
            }
            if (target != null && !g.contains(focus, property, target)) {
                findings.add(finding(focus, property, "a mapping record annotates a link to " + shown(target)
                        + " that is not stated: add the link itself, or remove the record"));
            }
        }
    }

    private static Node single(Graph g, Node s, Node p) {
        List<Node> values = g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
        return values.isEmpty() ? null : values.get(0);
    }

    private static Finding finding(Node focus, Node path, String message) {
        return new Finding(Check.IDENTIFIERS, NodeLabels.focusOf(focus), path == null ? null : path.getURI(), message);
    }

    private static String shown(Node node) {
        if (node == null) {
            return "(nothing)";
        }
        return node.isLiteral() ? "\"" + node.getLiteralLexicalForm() + "\"" : node.isURI() ? "<" + node.getURI() + ">" : node.toString();
    }
}
