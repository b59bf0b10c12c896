package org.labourgraph.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;

/**
 * A reviewed SSSOM mapping set (TSV with its YAML {@code curie_map}, as {@code labourgraph align} writes it) read as
 * the RDF data/alignments.ttl holds: for each row a curator accepted — its {@code mapping_justification} changed to
 * {@code semapv:ManualMappingCuration} and its evidence given in {@code see_also} — the link and its owl:Axiom record.
 * Rows still justified by lexical matching are candidates, not links, and are left out.
 */
public final class SssomTsv {
    /** The file names read as SSSOM mapping sets. */
    public static final String SUFFIX = ".sssom.tsv";
    private static final String SSSOM = "https://w3id.org/sssom/";
    private static final String ACCEPTED = "https://w3id.org/semapv/vocab/ManualMappingCuration";
    private static final List<String> COPIED = List.of("object_label", "author_label");

    private SssomTsv() {}

    public static boolean isSssom(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The accepted mappings of the file as RDF; a malformed line is an error at its position. */
    public static Graph read(Path file, byte[] bytes) throws RdfSyntaxException {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        Map<String, String> curies = new HashMap<>();
        int n = 0;
        boolean inCurieMap = false;
        while (n < lines.size() && lines.get(n).startsWith("#")) {
            String yaml = lines.get(n).substring(1);
            if (yaml.startsWith("curie_map:")) {
                inCurieMap = true;
            } else if (inCurieMap && yaml.startsWith("  ") && yaml.contains(": ")) {
                int colon = yaml.indexOf(": ");
                curies.put(yaml.substring(0, colon).strip(), unquote(yaml.substring(colon + 2).strip()));
            } else if (!yaml.startsWith(" ")) {
                inCurieMap = false;
            }
            n++;
        }
        if (n >= lines.size()) {
            throw RdfSyntaxException.wholeFile(file, "no column header after the metadata block: not an SSSOM TSV file");
        }
        List<String> columns = List.of(lines.get(n).split("\t", -1));
        for (String required : List.of("subject_id", "predicate_id", "object_id", "mapping_justification")) {
            if (!columns.contains(required)) {
                throw new RdfSyntaxException(file, n + 1, 1, "the header has no " + required + " column (SSSOM requires it)");
            }
        }
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = n + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != columns.size()) {
                throw new RdfSyntaxException(file, i + 1, 1, cells.length + " cells where the header has " + columns.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                row.put(columns.get(c), cells[c].strip());
            }
            if (!ACCEPTED.equals(expand(row.get("mapping_justification"), curies, file, i))) {
                continue;
            }
            String evidence = row.getOrDefault("see_also", "");
            if (!evidence.matches("https?://\\S+(\\|https?://\\S+)*")) {
                throw new RdfSyntaxException(file, i + 1, 1, "an accepted mapping needs its evidence: put the address of the public"
                        + " page that states it in see_also");
            }
            Node s = NodeFactory.createURI(expand(row.get("subject_id"), curies, file, i));
            Node p = NodeFactory.createURI(expand(row.get("predicate_id"), curies, file, i));
            String objectIri = expand(row.get("object_id"), curies, file, i);
            Node o = objectIri.startsWith("urn:isbn:") ? NodeFactory.createLiteralString(objectIri.substring(9))
                    : NodeFactory.createURI(objectIri);
            g.add(Triple.create(s, p, o));
            Node axiom = NodeFactory.createBlankNode();
            g.add(Triple.create(axiom, RDF.type.asNode(), OWL2.Axiom.asNode()));
            g.add(Triple.create(axiom, OWL2.annotatedSource.asNode(), s));
            g.add(Triple.create(axiom, OWL2.annotatedProperty.asNode(), p));
            g.add(Triple.create(axiom, OWL2.annotatedTarget.asNode(), o));
            g.add(Triple.create(axiom, slot("mapping_justification"), NodeFactory.createURI(ACCEPTED)));
            for (String e : evidence.split("\\|")) {
                g.add(Triple.create(axiom, slot("see_also"), NodeFactory.createURI(e)));
            }
            for (String column : COPIED) {
                String v = row.getOrDefault(column, "");
                if (!v.isEmpty()) {
                    g.add(Triple.create(axiom, slot(column), NodeFactory.createLiteralString(v)));
                }
            }
            String date = row.getOrDefault("mapping_date", "");
            if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                g.add(Triple.create(axiom, slot("mapping_date"), NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate)));
            }
        }
        return g;
    }

    private static Node slot(String name) {
        return NodeFactory.createURI(SSSOM + name);
    }

    private static String expand(String curie, Map<String, String> curies, Path file, int line) throws RdfSyntaxException {
        String value = curie == null ? "" : curie;
        int colon = value.indexOf(':');
        String ns = colon > 0 ? curies.get(value.substring(0, colon)) : null;
        if (ns == null) {
            throw new RdfSyntaxException(file, line + 1, 1, "'" + value + "' is not a CURIE of a prefix in the curie_map:"
                    + " declare its prefix in the metadata block");
        }
        return ns + value.substring(colon + 1);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1).replace("''", "'") : v;
    }
}
