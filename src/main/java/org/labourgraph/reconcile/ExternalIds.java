package org.labourgraph.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * Reconciliation by an external identifier given as a property value: {@code isbn} (any hyphenation), or
 * {@code sameAs} / {@code wikidata} / {@code exactMatch} with a Wikidata QID ({@code Q114}) or a full IRI. Each
 * wanted value becomes the (property, object) pairs a resource of ours would state (data/alignments.ttl).
 */
final class ExternalIds {
    static final String ISBN = Vocab.SCHEMA + "isbn";
    static final String SAME_AS = Vocab.SCHEMA + "sameAs";
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";
    private static final List<String> IDENTITY = List.of(SAME_AS, "http://www.w3.org/2002/07/owl#sameAs", Vocab.SKOS + "exactMatch");
    /** Short names (lower case, no '-' or '_') and IRIs accepted as identifier properties. */
    private static final Map<String, String> ALIASES = Map.of("isbn", ISBN, "isbn13", ISBN, "sameas", SAME_AS,
            "wikidata", SAME_AS, "qid", SAME_AS, "exactmatch", SAME_AS);

    private ExternalIds() {}

    /** The VALUES rows (?p ?o) the constraints ask for; empty when none names an external identifier. */
    static List<Binding> wanted(List<ReconcileQuery.Constraint> constraints) {
        List<Binding> rows = new ArrayList<>();
        for (ReconcileQuery.Constraint c : constraints) {
            String property = identifierProperty(c.property());
            if (property == null) {
                continue;
            }
            for (ReconcileQuery.ConstraintValue v : c.values()) {
                String given = v.iri() != null ? v.iri() : v.text() == null ? "" : v.text().strip();
                if (property.equals(ISBN)) {
                    String digits = given.replaceAll("[- ]", "");
                    if (digits.matches("97[89][0-9]{10}")) {
                        rows.add(row(ISBN, NodeFactory.createLiteralString(digits)));
                    }
                    continue;
                }
                String iri = given.matches("[Qq][1-9][0-9]*") ? WIKIDATA + given.toUpperCase(Locale.ROOT)
                        : given.matches("https?://\\S+") ? given : null;
                if (iri != null) {
                    IDENTITY.forEach(p -> rows.add(row(p, NodeFactory.createURI(iri))));
                }
            }
        }
        return rows;
    }

    private static String identifierProperty(String idOrAlias) {
        String key = idOrAlias.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        String iri = ALIASES.getOrDefault(key, idOrAlias.strip());
        return iri.equals(ISBN) || IDENTITY.contains(iri) ? (iri.equals(ISBN) ? ISBN : SAME_AS) : null;
    }

    private static Binding row(String property, Node object) {
        return BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(property), Var.alloc("o"), object);
    }
}
