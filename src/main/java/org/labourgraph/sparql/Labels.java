package org.labourgraph.sparql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.labourgraph.model.Text;

/** Chooses, among the literals of a thing in several languages, the one a page in a language shows. */
final class Labels {
    private Labels() {}

    private static final Graph STANDARD = load();

    private static Graph load() {
        Graph g = GraphFactory.createDefaultGraph();
        try (java.io.InputStream in = Labels.class.getResourceAsStream("standard-labels.ttl")) {
            RDFParser.source(in).lang(org.apache.jena.riot.Lang.TURTLE).parse(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return g;
    }

    /** The best of some literals for a language: that language, then untagged, then the other, marked. */
    static Optional<Text> best(List<Node> literals, String lang) {
        Node other = null;
        Node plain = null;
        for (Node n : literals) {
            if (n == null || !n.isLiteral()) {
                continue;
            }
            String l = n.getLiteralLanguage();
            if (l.equalsIgnoreCase(lang)) {
                return Optional.of(new Text(n.getLiteralLexicalForm(), l, false));
            }
            if (l.isEmpty()) {
                plain = plain == null ? n : plain;
            } else {
                other = other == null ? n : other;
            }
        }
        if (plain != null) {
            return Optional.of(new Text(plain.getLiteralLexicalForm(), "", false));
        }
        return Optional.ofNullable(other).map(n -> new Text(n.getLiteralLexicalForm(), n.getLiteralLanguage(), true));
    }

    /** The label of a property or class from the store's labels, else the standard labels, else its local name. */
    static Text ofTerm(String iri, List<Node> fromStore, String lang) {
        Optional<Text> t = best(fromStore, lang);
        if (t.isPresent()) {
            return t.get();
        }
        List<Node> standard = new ArrayList<>();
        STANDARD.find(NodeFactory.createURI(iri), RDFS.label.asNode(), Node.ANY).forEach(tr -> standard.add(tr.getObject()));
        return best(standard, lang).orElse(Text.plain(localName(iri)));
    }

    /** The standard label of a term (class or property) the store does not label, if there is one. */
    static Optional<Text> standard(String iri, String lang) {
        List<Node> standard = new ArrayList<>();
        STANDARD.find(NodeFactory.createURI(iri), RDFS.label.asNode(), Node.ANY).forEach(tr -> standard.add(tr.getObject()));
        return best(standard, lang);
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** Keeps, per language-tagged literal values of one property, those in the page's language (else the others, marked). */
    static List<Text> inLanguage(List<Node> literals, String lang) {
        Map<String, List<Node>> byLang = new LinkedHashMap<>();
        for (Node n : literals) {
            byLang.computeIfAbsent(n.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(n);
        }
        List<Text> out = new ArrayList<>();
        byLang.getOrDefault("", List.of()).forEach(n -> out.add(new Text(n.getLiteralLexicalForm(), "", false)));
        List<Node> wanted = byLang.get(lang);
        if (wanted != null) {
            wanted.forEach(n -> out.add(new Text(n.getLiteralLexicalForm(), lang, false)));
        } else {
            byLang.forEach((l, ns) -> {
                if (!l.isEmpty()) {
                    ns.forEach(n -> out.add(new Text(n.getLiteralLexicalForm(), n.getLiteralLanguage(), true)));
                }
            });
        }
        return out;
    }
}
