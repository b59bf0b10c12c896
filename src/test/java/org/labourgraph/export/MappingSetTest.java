package org.labourgraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.store.LabourStore;

/**
 * The SSSOM mapping set of the shipped data, read back as an SSSOM reader would: the YAML metadata block
 * (curie_map, mapping_set_id, license), the columns, one row per link with its required slots, every CURIE
 * declared, and every link of the public data present once.
 */
class MappingSetTest {
    private static final List<String> LINKS = List.of("https://schema.org/sameAs", "https://schema.org/isbn",
            "http://www.w3.org/2004/02/skos/core#exactMatch", "http://www.w3.org/2004/02/skos/core#closeMatch",
            "http://www.w3.org/2004/02/skos/core#broadMatch", "http://www.w3.org/2004/02/skos/core#narrowMatch",
            "http://www.w3.org/2004/02/skos/core#relatedMatch", "http://www.w3.org/2002/07/owl#sameAs");

    private static LabourStore store;
    private static String tsv;
    private static MappingSet.Summary summary;

    @BeforeAll
    static void write() throws Exception {
        store = StoreFixture.loadedStore();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary = MappingSet.write(store.dataset(), "https://w3id.org/labourgraph/", out);
        tsv = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** The metadata block's top-level keys and the curie_map, as the YAML says them. */
    private static Map<String, String> metadata(Map<String, String> curieMap) {
        Map<String, String> top = new LinkedHashMap<>();
        for (String line : tsv.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String yaml = line.substring(1);
            int colon = yaml.indexOf(": ");
            if (yaml.startsWith("  ")) {
                curieMap.put(yaml.substring(2, colon), unquote(yaml.substring(colon + 2)));
            } else if (colon > 0) {
                top.put(yaml.substring(0, colon), unquote(yaml.substring(colon + 2)));
            } else {
                top.put(yaml.replace(":", ""), "");
            }
        }
        return top;
    }

    private static String unquote(String v) {
        return v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1).replace("''", "'") : v;
    }

    private static List<Map<String, String>> rows() {
        List<String> lines = tsv.lines().dropWhile(l -> l.startsWith("#")).toList();
        List<String> columns = List.of(lines.get(0).split("\t", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertEquals(columns.size(), cells.length, line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(columns.get(i), cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void the_metadata_block_names_the_set_its_licence_and_every_prefix_used() {
        Map<String, String> curieMap = new LinkedHashMap<>();
        Map<String, String> top = metadata(curieMap);
        assertEquals("https://w3id.org/labourgraph/dumps/labourgraph-mappings.sssom.tsv", top.get("mapping_set_id"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", top.get("license"));
        assertTrue(top.containsKey("curie_map"), top::toString);
        assertEquals("http://www.wikidata.org/entity/", curieMap.get("wd"));
        assertEquals("https://w3id.org/semapv/vocab/", curieMap.get("semapv"));
        for (Map<String, String> row : rows()) {
            for (String column : List.of("subject_id", "predicate_id", "object_id", "mapping_justification")) {
                String curie = row.get(column);
                assertTrue(curie.indexOf(':') > 0 && curieMap.containsKey(curie.substring(0, curie.indexOf(':'))),
                        column + " " + curie + " is a CURIE of a declared prefix");
            }
        }
    }

    @Test
    void every_row_has_the_required_slots_a_justification_and_evidence() {
        List<Map<String, String>> rows = rows();
        assertEquals(summary.mappings(), rows.size());
        assertEquals(MappingSet.COLUMNS, List.copyOf(rows.get(0).keySet()));
        for (Map<String, String> row : rows) {
            assertEquals("semapv:ManualMappingCuration", row.get("mapping_justification"), row::toString);
            assertFalse(row.get("object_label").isEmpty(), row::toString);
            assertTrue(row.get("see_also").startsWith("http"), row::toString);
            assertTrue(row.get("mapping_date").matches("\\d{4}-\\d{2}-\\d{2}"), row::toString);
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("subject_id").equals("lgpl:kenya") && r.get("object_id").equals("wd:Q114")
                && r.get("subject_label").equals("Kenya") && r.get("predicate_id").equals("schema:sameAs")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.get("subject_id").equals("lgw:ghost-work")
                && r.get("object_id").equals("isbn:9781328566249")), "an ISBN is an isbn: CURIE (urn:isbn:)");
    }

    @Test
    void every_link_of_the_public_data_is_in_the_set_once() {
        Map<String, String> curieMap = new LinkedHashMap<>();
        metadata(curieMap);
        Set<String> rowsAsIris = new HashSet<>();
        for (Map<String, String> row : rows()) {
            String key = expand(row.get("subject_id"), curieMap) + " " + expand(row.get("predicate_id"), curieMap) + " "
                    + expand(row.get("object_id"), curieMap);
            assertTrue(rowsAsIris.add(key), "once: " + key);
        }
        Graph data = StoreFixture.publicTriples();
        Set<String> links = new HashSet<>();
        for (String p : LINKS) {
            data.find(Node.ANY, NodeFactory.createURI(p), Node.ANY).forEach(t -> links.add(t.getSubject().getURI() + " " + p + " "
                    + (t.getObject().isLiteral() ? "urn:isbn:" + t.getObject().getLiteralLexicalForm() : t.getObject().getURI())));
        }
        assertFalse(links.isEmpty());
        assertEquals(links, rowsAsIris);
    }

    private static String expand(String curie, Map<String, String> curieMap) {
        int colon = curie.indexOf(':');
        return curieMap.get(curie.substring(0, colon)) + curie.substring(colon + 1);
    }
}
